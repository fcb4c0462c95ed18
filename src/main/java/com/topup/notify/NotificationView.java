package com.topup.notify;

import java.time.Instant;
import java.util.List;

/** A callback and its attempt log, as staff see it. {@code body} is the exact JSON sent. */
public record NotificationView(long id, String eventId, String orderId, String url, String status, int attempts,
                               Instant createdAt, Instant firstAttemptAt, Instant lastAttemptAt, Instant nextAttemptAt,
                               Instant finishedAt, Integer lastHttpStatus, String lastError, String body,
                               List<AttemptView> attemptLog) {

    public record AttemptView(int attemptNo, Instant at, Integer httpStatus, long latencyMs, String error) {

        static AttemptView of(NotificationAttempt a) {
            return new AttemptView(a.attemptNo, a.attemptedAt, a.httpStatus, a.latencyMs, a.error);
        }
    }

    static NotificationView of(MerchantNotification n, List<AttemptView> attempts) {
        return new NotificationView(n.id, n.eventId, n.orderId, n.url, n.status.name(), n.attempts, n.createdAt,
                n.firstAttemptAt, n.lastAttemptAt, n.status == NotificationStatus.PENDING ? n.nextAttemptAt : null,
                n.finishedAt, n.lastHttpStatus, n.lastError, n.body, attempts);
    }
}
