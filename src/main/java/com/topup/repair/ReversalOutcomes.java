package com.topup.repair;

import com.topup.channel.adapter.ReversalResult;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a channel answered to a reversal: taken back → the anomaly is resolved; refused or impossible → a claim
 * against the supplier is recorded for reconciliation and the anomaly waits for a person; no answer → asked again
 * later, a claim once the attempts run out.
 */
@ApplicationScoped
public class ReversalOutcomes {

    private final AnomalyStore store;
    private final RepairConfig config;
    private final MeterRegistry metrics;

    public ReversalOutcomes(AnomalyStore store, RepairConfig config, MeterRegistry metrics) {
        this.store = store;
        this.config = config;
        this.metrics = metrics;
    }

    @Transactional
    public void record(AnomalyStore.DueAction due, ReversalResult result) {
        Instant now = Instant.now();
        if (store.lock(due.id()).filter(a -> "OPEN".equals(a.status())).isEmpty()) {
            return;
        }
        metrics.counter("topup_repair_reversals_total", "channel", due.channel(), "outcome", result.outcome().name())
                .increment();
        String said = result.message() == null ? "" : " (" + result.message() + ")";
        switch (result.outcome()) {
            case REVERSED -> {
                String summary = due.channel() + " reversed its charge " + due.channelReference();
                store.step(due.id(), due.orderId(), due.channel(), "REVERSED", null, List.of(), summary, now);
                store.resolve(due.id(), Resolution.AUTOMATIC, "platform", summary, summary, now);
            }
            case REFUSED, NOT_SUPPORTED -> claim(due, due.channel() + " did not reverse: " + result.outcome()
                    + (result.errorCode() == null ? "" : " " + result.errorCode()) + said, now);
            case UNKNOWN -> {
                if (due.attempts() >= config.reversalAttempts()) {
                    claim(due, "no answer from " + due.channel() + " after " + due.attempts() + " reversal calls" + said, now);
                } else {
                    Duration wait = config.reversalRetryDelay().multipliedBy(1L << Math.min(due.attempts() - 1, 10));
                    store.actionDueAt(due.id(), now.plus(wait));
                    store.step(due.id(), due.orderId(), due.channel(), "REVERSAL_UNANSWERED", null, List.of(),
                            "no usable answer to reversal call " + due.attempts() + said + "; asking again at "
                                    + now.plus(wait), now);
                }
            }
        }
    }

    private void claim(AnomalyStore.DueAction due, String why, Instant now) {
        store.openClaim(due.id(), due, now);
        store.actionDueAt(due.id(), null);
        String summary = why + "; claim of " + due.amount() + " fen recorded against " + due.channel();
        store.step(due.id(), due.orderId(), "platform", "CLAIM_RECORDED", null, List.of(), summary, now);
        store.outcome(due.id(), summary);
    }
}
