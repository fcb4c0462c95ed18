package com.topup.notify;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Callbacks and their attempt log, in plain SQL. Callbacks are stored with the transaction that finishes their
 * orders. An attempt is claimed in a short transaction that moves the callback's due time past a lease, so no other
 * instance picks it up while it is being sent, and no database lock is held during the HTTP call; its result is
 * recorded afterwards in one statement, guarded by the attempt number (the results that come back together in one
 * batch).
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
            returning n.id, n.event_id, n.url, n.body, n.attempts, n.first_attempt_at, m.code as merchant_code""";

    /**
     * Logs an attempt and, in the same statement, moves the callback on if it is still PENDING under this attempt's
     * claim (a later claim, or an operator, may have taken it over; then only the attempt is logged).
     */
    private static final String RECORD = """
            with logged as (
                insert into merchant_notification_attempt
                    (notification_id, attempt_no, attempted_at, http_status, latency_ms, error)
                values (?, ?, ?, ?, ?, ?))
            update merchant_notification
            set status = ?, next_attempt_at = ?, finished_at = ?, last_http_status = ?, last_error = ?
            where id = ? and status = 'PENDING' and attempts = ?""";

    private static final String CREATE = """
            insert into merchant_notification (event_id, order_id, merchant_id, url, body, status, attempts, created_at,
                                               next_attempt_at)
            values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""";

    private final Sql sql;
    private final NotificationSignal signal;

    public NotificationStore(Sql sql, NotificationSignal signal) {
        this.sql = sql;
        this.signal = signal;
    }

    /** A callback to store, due at {@code createdAt}. */
    public record NewNotification(String eventId, String orderId, long merchantId, String url, String body,
                                  Instant createdAt) {
    }

    /** Stores callbacks due now, in one round trip; the worker is woken when the caller's transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void createAll(List<NewNotification> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        sql.batch(CREATE, notifications.stream().map(n -> new Object[] {n.eventId(), n.orderId(), n.merchantId(), n.url(),
                n.body(), n.createdAt(), n.createdAt()}).toList());
        signal.afterCommit();
    }

    /** Reserves up to {@code limit} due callbacks for one attempt each, skipping those another instance holds. */
    @Transactional
    public List<ClaimedNotification> claimDue(int limit, Instant now, Duration lease) {
        return sql.query(CLAIM, row -> new ClaimedNotification(row.getLong("id"), row.getString("event_id"),
                        row.getString("url"), row.getString("body"), row.getInt("attempts"), row.getString("merchant_code"),
                        Sql.instant(row, "first_attempt_at")),
                now, limit, now, now, now.plus(lease));
    }

    /** An attempt's outcome, to be recorded. */
    public record Attempted(ClaimedNotification claimed, AttemptOutcome outcome) {
    }

    /**
     * Logs the attempt and, unless a later claim has taken over, moves the callback on: one statement, committed on
     * its own (no transaction around it, so no round trips to open and commit one).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public DeliveryResult record(ClaimedNotification claimed, AttemptOutcome outcome, RetrySchedule schedule) {
        Move move = Move.of(new Attempted(claimed, outcome), schedule);
        return move.resultIfMoved(sql.update(RECORD, move.params()));
    }

    /**
     * Records several attempts as {@link #record} records one, in one round trip and one commit.
     *
     * @return for each attempt, in the order given, what recording it did
     */
    @Transactional
    public List<DeliveryResult> recordAll(List<Attempted> attempts, RetrySchedule schedule) {
        List<Move> moves = attempts.stream().map(attempt -> Move.of(attempt, schedule)).toList();
        int[] moved = sql.batch(RECORD, moves.stream().map(Move::params).toList());
        List<DeliveryResult> results = new ArrayList<>(moves.size());
        for (int i = 0; i < moves.size(); i++) {
            results.add(moves.get(i).resultIfMoved(moved[i]));
        }
        return results;
    }

    /** What an outcome does to its callback: the parameters of {@code RECORD}, and the result if the guard holds. */
    private record Move(DeliveryResult result, Object[] params) {

        static Move of(Attempted attempt, RetrySchedule schedule) {
            ClaimedNotification claimed = attempt.claimed();
            AttemptOutcome outcome = attempt.outcome();
            Instant finished = outcome.at().plusMillis(outcome.latencyMs());
            Instant next = outcome.delivered() ? null
                    : schedule.nextAttempt(claimed.firstAttemptAt(), claimed.attemptNo(), finished).orElse(null);
            DeliveryResult result = outcome.delivered() ? DeliveryResult.DELIVERED
                    : next == null ? DeliveryResult.UNDELIVERED : DeliveryResult.RETRY;
            NotificationStatus status = outcome.delivered() ? NotificationStatus.DELIVERED
                    : next == null ? NotificationStatus.UNDELIVERED : NotificationStatus.PENDING;
            return new Move(result, new Object[] {claimed.id(), claimed.attemptNo(), outcome.at(), outcome.httpStatus(),
                    outcome.latencyMs(), outcome.error(), status.name(), next, next == null ? finished : null,
                    outcome.httpStatus(), outcome.error(), claimed.id(), claimed.attemptNo()});
        }

        DeliveryResult resultIfMoved(int movedRows) {
            return movedRows == 1 ? result : DeliveryResult.SUPERSEDED;
        }
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
