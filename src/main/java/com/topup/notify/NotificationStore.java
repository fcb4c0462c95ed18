package com.topup.notify;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Callbacks and their attempt log. An attempt is claimed in a short transaction that moves the callback's due time
 * past a lease, so no other instance picks it up while it is being sent, and no database lock is held during the
 * HTTP call; its result is recorded in a second transaction, guarded by the attempt number.
 */
@ApplicationScoped
public class NotificationStore {

    private static final String CLAIM = """
            with due as (
                select id from merchant_notification
                where status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at limit ? for update skip locked)
            update merchant_notification n
            set attempts = n.attempts + 1, first_attempt_at = coalesce(n.first_attempt_at, ?), last_attempt_at = ?,
                next_attempt_at = ?
            from due, merchant m
            where n.id = due.id and m.id = n.merchant_id
            returning n.id, n.event_id, n.url, n.body, n.attempts, m.code as merchant_code""";

    private final EntityManager em;
    private final Sql sql;
    private final NotificationSignal signal;

    public NotificationStore(EntityManager em, Sql sql, NotificationSignal signal) {
        this.em = em;
        this.sql = sql;
        this.signal = signal;
    }

    /** Stores a callback due now; the worker is woken when the caller's transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public MerchantNotification create(String orderId, long merchantId, String url, String eventId, String body, Instant now) {
        MerchantNotification n = new MerchantNotification();
        n.eventId = eventId;
        n.orderId = orderId;
        n.merchantId = merchantId;
        n.url = url;
        n.body = body;
        n.status = NotificationStatus.PENDING;
        n.createdAt = now;
        n.nextAttemptAt = now;
        em.persist(n);
        signal.afterCommit();
        return n;
    }

    /** Reserves up to {@code limit} due callbacks for one attempt each, skipping those another instance holds. */
    @Transactional
    public List<ClaimedNotification> claimDue(int limit, Instant now, Duration lease) {
        return sql.query(CLAIM, row -> new ClaimedNotification(row.getLong("id"), row.getString("event_id"),
                        row.getString("url"), row.getString("body"), row.getInt("attempts"), row.getString("merchant_code")),
                now, limit, now, now, now.plus(lease));
    }

    /** Logs the attempt and, unless a later claim has taken over, moves the callback on. */
    @Transactional
    public DeliveryResult record(ClaimedNotification claimed, AttemptOutcome outcome, RetrySchedule schedule) {
        NotificationAttempt attempt = new NotificationAttempt();
        attempt.notificationId = claimed.id();
        attempt.attemptNo = claimed.attemptNo();
        attempt.attemptedAt = outcome.at();
        attempt.httpStatus = outcome.httpStatus();
        attempt.latencyMs = outcome.latencyMs();
        attempt.error = outcome.error();
        em.persist(attempt);

        MerchantNotification n = em.find(MerchantNotification.class, claimed.id(), LockModeType.PESSIMISTIC_WRITE);
        if (n.status != NotificationStatus.PENDING || n.attempts != claimed.attemptNo()) {
            return DeliveryResult.SUPERSEDED;
        }
        n.lastHttpStatus = outcome.httpStatus();
        n.lastError = outcome.error();
        Instant finished = outcome.at().plusMillis(outcome.latencyMs());
        if (outcome.delivered()) {
            return finish(n, NotificationStatus.DELIVERED, finished);
        }
        var next = schedule.nextAttempt(n.firstAttemptAt, claimed.attemptNo(), finished);
        if (next.isEmpty()) {
            return finish(n, NotificationStatus.UNDELIVERED, finished);
        }
        n.nextAttemptAt = next.get();
        return DeliveryResult.RETRY;
    }

    private static DeliveryResult finish(MerchantNotification n, NotificationStatus status, Instant at) {
        n.status = status;
        n.finishedAt = at;
        n.nextAttemptAt = null;
        return status == NotificationStatus.DELIVERED ? DeliveryResult.DELIVERED : DeliveryResult.UNDELIVERED;
    }

    @Transactional
    public List<NotificationView> forOrder(String orderId) {
        return withAttempts(MerchantNotification.<MerchantNotification>find("orderId = ?1 order by id", orderId).list());
    }

    @Transactional
    public List<NotificationView> withStatus(NotificationStatus status, int limit) {
        return withAttempts(MerchantNotification.<MerchantNotification>find("status = ?1 order by id desc", status)
                .page(0, limit).list());
    }

    @Transactional
    public long count(NotificationStatus status) {
        return MerchantNotification.count("status", status);
    }

    private static List<NotificationView> withAttempts(List<MerchantNotification> notifications) {
        if (notifications.isEmpty()) {
            return List.of();
        }
        Map<Long, List<NotificationView.AttemptView>> attempts = NotificationAttempt.<NotificationAttempt>find(
                        "notificationId in ?1 order by notificationId, attemptNo",
                        notifications.stream().map(n -> n.id).toList())
                .stream()
                .collect(Collectors.groupingBy(a -> a.notificationId,
                        Collectors.mapping(NotificationView.AttemptView::of, Collectors.toList())));
        return notifications.stream().map(n -> NotificationView.of(n, attempts.getOrDefault(n.id, List.of()))).toList();
    }
}
