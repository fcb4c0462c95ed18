package com.topup.notify;

import com.topup.common.NamedValues;
import com.topup.order.TimelineEntry;
import com.topup.order.TimelineSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** The merchant callbacks of an order: each one queued, each delivery attempt, and giving up. */
@ApplicationScoped
public class NotificationTimeline implements TimelineSource {

    private final NotificationStore store;

    public NotificationTimeline(NotificationStore store) {
        this.store = store;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TimelineEntry> entriesOf(String orderId) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (NotificationView callback : store.forOrder(orderId)) {
            entries.add(new TimelineEntry(callback.createdAt(), "NOTIFICATION", "platform",
                    "Callback " + callback.eventId() + " to the merchant queued",
                    NamedValues.of("eventId", callback.eventId(), "url", callback.url())));
            for (NotificationView.AttemptView attempt : callback.attemptLog()) {
                String answer = attempt.httpStatus() == null ? attempt.error() : "HTTP " + attempt.httpStatus();
                entries.add(new TimelineEntry(attempt.at(), "NOTIFICATION", "platform",
                        "Callback " + callback.eventId() + " attempt " + attempt.attemptNo() + ": " + answer + " in "
                                + attempt.latencyMs() + " ms",
                        NamedValues.of("eventId", callback.eventId(), "attempt", attempt.attemptNo(),
                                "httpStatus", attempt.httpStatus(), "error", attempt.error())));
            }
            if ("UNDELIVERED".equals(callback.status()) && callback.finishedAt() != null) {
                entries.add(new TimelineEntry(callback.finishedAt(), "NOTIFICATION", "platform",
                        "Callback " + callback.eventId() + " undelivered after " + callback.attempts() + " attempts",
                        NamedValues.of("eventId", callback.eventId(), "status", callback.status())));
            }
        }
        return entries;
    }
}
