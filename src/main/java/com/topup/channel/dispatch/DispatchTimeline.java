package com.topup.channel.dispatch;

import com.topup.common.NamedValues;
import com.topup.common.db.Sql;
import com.topup.order.TimelineEntry;
import com.topup.order.TimelineSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Dispatch's part of an order's timeline: each attempt with the routing rules behind it, the channel's callbacks and
 * answers to status queries, how each attempt ended, and what the fallback rules decided after a failure.
 */
@ApplicationScoped
public class DispatchTimeline implements TimelineSource {

    private final Sql sql;
    private final AttemptQueries attempts;

    public DispatchTimeline(Sql sql, AttemptQueries attempts) {
        this.sql = sql;
        this.attempts = attempts;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TimelineEntry> entriesOf(String orderId) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (AttemptView attempt : attempts.ofOrder(orderId)) {
            String routing = attempt.ruleVersion() == null ? "routing (safe default)" : "routing rules v" + attempt.ruleVersion();
            entries.add(new TimelineEntry(attempt.startedAt(), "ATTEMPT", routing,
                    "Attempt " + attempt.attemptNo() + " sent to " + attempt.channel() + (attempt.probe() ? " as a probe" : "")
                            + predictions(attempt),
                    NamedValues.of("attempt", attempt.attemptId(), "channel", attempt.channel(),
                            "ruleVersion", attempt.ruleVersion(), "firedRules", attempt.firedRules(), "cost", attempt.cost(),
                            "predictedSuccess", attempt.predictedSuccess(), "bestAlternative", attempt.bestAlternative(),
                            "bestAlternativePredicted", attempt.bestAlternativePredicted())));
            if (attempt.finishedAt() != null) {
                entries.add(new TimelineEntry(attempt.finishedAt(), "CHANNEL_RESULT", attempt.channel(),
                        attempt.channel() + ": " + attempt.status()
                                + (attempt.errorClass() == null ? "" : " (" + attempt.errorClass()
                                + (attempt.errorCode() == null ? "" : " " + attempt.errorCode()) + ")")
                                + (attempt.latencyMillis() == null ? "" : " after " + attempt.latencyMillis() + " ms"),
                        NamedValues.of("attempt", attempt.attemptId(), "status", attempt.status(),
                                "channelReference", attempt.channelReference(), "errorClass", attempt.errorClass(),
                                "errorCode", attempt.errorCode(), "latencyMillis", attempt.latencyMillis())));
            }
            if (attempt.fallbackAction() != null) {
                String fallback = attempt.fallbackRuleVersion() == null ? "fallback (safe default)"
                        : "fallback rules v" + attempt.fallbackRuleVersion();
                entries.add(new TimelineEntry(attempt.finishedAt() == null ? attempt.startedAt() : attempt.finishedAt(),
                        "FALLBACK", fallback, "After attempt " + attempt.attemptNo() + ": " + attempt.fallbackAction(),
                        NamedValues.of("attempt", attempt.attemptId(), "action", attempt.fallbackAction(),
                                "ruleVersion", attempt.fallbackRuleVersion(), "firedRules", attempt.fallbackFiredRules())));
            }
        }
        sql.query("""
                        select q.asked_at, q.channel_code, q.status, q.detail, q.attempt_id from channel_query q
                        where q.order_id = ? order by q.id""",
                row -> entries.add(new TimelineEntry(Sql.instant(row, "asked_at"), "QUERY", row.getString("channel_code"),
                        "Status query to " + row.getString("channel_code") + ": " + row.getString("status")
                                + (row.getString("detail") == null ? "" : " (" + row.getString("detail") + ")"),
                        NamedValues.of("attempt", row.getString("attempt_id"), "answer", row.getString("status")))),
                orderId);
        sql.query("""
                        select c.received_at, c.channel_code, c.status, c.outcome, c.reference from channel_callback c
                        where c.reference in (select id from channel_attempt where order_id = ?) order by c.id""",
                row -> entries.add(new TimelineEntry(Sql.instant(row, "received_at"), "CALLBACK",
                        row.getString("channel_code"),
                        "Callback from " + row.getString("channel_code") + ": " + row.getString("status")
                                + " (" + row.getString("outcome") + ")",
                        NamedValues.of("attempt", row.getString("reference"), "status", row.getString("status"),
                                "outcome", row.getString("outcome")))),
                orderId);
        return entries;
    }

    /** ", predicted 97.1 % (best other: sim-cheap 93.0 %)", or nothing for attempts routed before predictions. */
    private static String predictions(AttemptView attempt) {
        if (attempt.predictedSuccess() == null) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, ", predicted %.1f %%", 100 * attempt.predictedSuccess())
                + (attempt.bestAlternative() == null ? "" : String.format(java.util.Locale.ROOT, " (best other: %s %.1f %%)",
                attempt.bestAlternative(), 100 * attempt.bestAlternativePredicted()));
    }
}
