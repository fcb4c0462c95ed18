package com.topup.repair;

import com.topup.channel.ChannelConfig;
import com.topup.channel.dispatch.Attempt;
import com.topup.channel.dispatch.AttemptStore;
import com.topup.order.OrderStatus;
import com.topup.order.OrderTransitions;
import com.topup.rules.model.RepairAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Carries out a repair decision in the caller's transaction. Every action the repair rules can decide is carried
 * out; where an action cannot apply (marking a failed order succeeded, reversing a charge no channel made) the
 * anomaly stays open for a person, as if the rules had flagged it, and the outcome says why.
 */
@ApplicationScoped
public class RepairExecutor {

    private final OrderTransitions orders;
    private final AttemptStore attempts;
    private final AnomalyStore anomalies;
    private final ChannelConfig channels;

    public RepairExecutor(OrderTransitions orders, AttemptStore attempts, AnomalyStore anomalies, ChannelConfig channels) {
        this.orders = orders;
        this.attempts = attempts;
        this.anomalies = anomalies;
        this.channels = channels;
    }

    /** What was done: the action actually carried out and a sentence for the timeline. */
    public record Done(RepairAction action, String summary) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Done carryOut(long anomalyId, AnomalyCase found, RepairAction action, Instant now) {
        OrderStatus status = found.order() == null ? null : found.order().status();
        boolean orderOpen = status != null && !status.isFinal();
        Attempt attempt = found.attempt();
        return switch (action) {
            case QUERY_CHANNEL -> {
                if (attempt == null || !attempt.status().isOpen()) {
                    yield notApplicable(action, "there is no open attempt to ask about");
                }
                Instant next = now.plus(channels.queryInterval()).truncatedTo(ChronoUnit.SECONDS);
                attempts.queryAgainAt(attempt.id(), next);
                yield new Done(action, "asks " + attempt.channelCode() + " for the status again at " + next);
            }
            case MARK_SUCCEEDED -> {
                if (!orderOpen) {
                    yield notApplicable(action, orderState(status));
                }
                if (attempt != null) {
                    attempts.declareSucceeded(attempt.id(), null, now);
                }
                orders.succeed(found.orderId(), now);
                yield new Done(action, "order marked SUCCEEDED");
            }
            case FAIL_AND_REFUND -> {
                if (!orderOpen) {
                    yield notApplicable(action, orderState(status));
                }
                attempts.abandonOpen(found.orderId(), "REPAIR_GAVE_UP", now)
                        .forEach(attempts::releaseQuota);
                orders.failAndRefund(found.orderId(), found.kind().name(), now);
                yield new Done(action, "order FAILED and " + found.order().price() + " fen refunded to the merchant");
            }
            case REVERSE_DUPLICATE_CHARGE -> {
                if (found.channel() == null || found.channelReference() == null) {
                    yield notApplicable(action, "no charge of a channel is known to reverse");
                }
                anomalies.actionDueAt(anomalyId, now);
                yield new Done(action, "asks " + found.channel() + " to reverse its charge " + found.channelReference());
            }
            case HOLD_FOR_REVIEW -> {
                if (status == OrderStatus.REVIEW) {
                    yield new Done(action, "order already held for review");
                }
                if (!orderOpen) {
                    yield notApplicable(action, orderState(status));
                }
                if (attempt != null) {
                    attempts.stopQueries(attempt.id());
                }
                orders.holdForReview(found.orderId(), found.kind().name(), now);
                yield new Done(action, "order held for review by an operator");
            }
            case FLAG -> new Done(action, "left open for an operator");
            case IGNORE -> {
                anomalies.resolve(anomalyId, Resolution.AUTOMATIC, "platform", "ignored by the repair rules", null, now);
                yield new Done(action, "nothing to do; closed");
            }
        };
    }

    private static Done notApplicable(RepairAction decided, String why) {
        return new Done(RepairAction.FLAG, decided + " does not apply: " + why + "; left open for an operator");
    }

    private static String orderState(OrderStatus status) {
        return status == null ? "the anomaly has no order" : "the order is already " + status;
    }
}
