package com.topup.repair;

import com.topup.channel.adapter.ChannelStatus;
import com.topup.channel.dispatch.Attempt;
import com.topup.channel.dispatch.AttemptStore;
import com.topup.channel.dispatch.DispatchAnomalies;
import com.topup.channel.ChannelConfig;
import com.topup.common.NamedValues;
import com.topup.order.WorkOrder;
import com.topup.rules.RulesReadiness;
import com.topup.rules.RuleSets;
import com.topup.rules.model.AnomalyFact;
import com.topup.rules.model.AnomalyKind;
import com.topup.rules.model.RepairAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns what dispatch reports off the happy path into anomaly cases for {@link RepairService}. */
@ApplicationScoped
public class DispatchAnomalyHandler implements DispatchAnomalies {

    /** Decisions after which the order is no longer waiting to be dispatched. */
    private static final Set<RepairAction> STOPS_DISPATCH =
            EnumSet.of(RepairAction.HOLD_FOR_REVIEW, RepairAction.FAIL_AND_REFUND, RepairAction.MARK_SUCCEEDED);

    private final RepairService repair;
    private final RepeatedSubmissions repeats;
    private final AttemptStore attempts;
    private final RulesReadiness rules;
    private final ChannelConfig channels;
    private final RepairConfig config;

    public DispatchAnomalyHandler(RepairService repair, RepeatedSubmissions repeats, AttemptStore attempts,
                                  RulesReadiness rules, ChannelConfig channels, RepairConfig config) {
        this.repair = repair;
        this.repeats = repeats;
        this.attempts = attempts;
        this.rules = rules;
        this.channels = channels;
        this.config = config;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> heldBack(List<WorkOrder> fresh, Instant now) {
        if (fresh.isEmpty()) {
            return Set.of();
        }
        Map<String, RepeatedSubmissions.Repeat> repeated =
                repeats.before(fresh.stream().map(WorkOrder::id).toList(), config.duplicateLookback());
        Set<String> held = new HashSet<>();
        for (WorkOrder order : fresh) {
            RepeatedSubmissions.Repeat repeat = repeated.get(order.id());
            if (repeat != null && stopsDispatch(order, repeat, now)) {
                held.add(order.id());
            }
        }
        return held;
    }

    private boolean stopsDispatch(WorkOrder order, RepeatedSubmissions.Repeat repeat, Instant now) {
        long since = Math.max(0, repeat.sincePrevious().toMillis());
        AnomalyFact fact = AnomalyFact.of(AnomalyKind.DUPLICATE_SUBMISSION, order.id())
                .orderStatus(order.status().name())
                .amounts(order.faceValue(), order.faceValue())
                .repeats(repeat.earlier() + 1, config.duplicateLookback().toMillis(), since)
                .amountAtStake(order.price())
                .build();
        RepairAction done = repair.handle(new AnomalyCase(AnomalyKind.DUPLICATE_SUBMISSION,
                AnomalyKind.DUPLICATE_SUBMISSION + ":" + order.id(), order, null, null, null, null, order.price(), fact,
                NamedValues.of("previousOrder", repeat.previousOrderId(), "sincePreviousMillis", since,
                        "occurrences", repeat.earlier() + 1)), now).action();
        return done != null && STOPS_DISPATCH.contains(done);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void stillOpen(WorkOrder order, Attempt attempt, ChannelStatus lastAnswer, long waitedMillis, Instant now) {
        if (!rules.loaded(RuleSets.REPAIR)) {
            // Not ready to decide yet (just started): keep asking the channel rather than hand the order to a person.
            attempts.queryAgainAt(attempt.id(), now.plus(channels.queryInterval()));
            return;
        }
        AnomalyFact fact = AnomalyFact.of(AnomalyKind.STUCK_PROCESSING, order.id())
                .orderStatus(order.status().name())
                .channel(attempt.channelCode())
                .stuck(waitedMillis, attempt.queryCount(), lastAnswer.name())
                .amounts(attempt.faceValue(), 0)
                .amountAtStake(order.price())
                .build();
        repair.handle(new AnomalyCase(AnomalyKind.STUCK_PROCESSING, AnomalyKind.STUCK_PROCESSING + ":" + attempt.id(),
                order, attempt, attempt.channelCode(), attempt.id(), attempt.channelReference(), order.price(), fact,
                NamedValues.of("channel", attempt.channelCode(), "attempt", attempt.id(), "waitedMillis", waitedMillis,
                        "queries", attempt.queryCount(), "lastAnswer", lastAnswer.name())), now);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void duplicateSuccess(WorkOrder order, Attempt attempt, String firstChannel, String secondReference,
                                 Instant now) {
        AnomalyFact fact = AnomalyFact.of(AnomalyKind.DUPLICATE_SUCCESS, order.id())
                .orderStatus(order.status().name())
                .channel(firstChannel)
                .secondChannel(attempt.channelCode())
                .amounts(order.faceValue(), order.faceValue())
                .amountAtStake(attempt.cost())
                .build();
        repair.handle(new AnomalyCase(AnomalyKind.DUPLICATE_SUCCESS,
                AnomalyKind.DUPLICATE_SUCCESS + ":" + attempt.id() + ":" + secondReference, order, attempt,
                attempt.channelCode(), attempt.id(), secondReference, attempt.cost(), fact,
                NamedValues.of("firstChannel", firstChannel, "secondChannel", attempt.channelCode(), "attempt", attempt.id(),
                        "secondReference", secondReference)), now);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void amountMismatch(WorkOrder order, Attempt attempt, long reportedAmount, Instant now) {
        AnomalyFact fact = AnomalyFact.of(AnomalyKind.AMOUNT_MISMATCH, order.id())
                .orderStatus(order.status().name())
                .channel(attempt.channelCode())
                .amounts(attempt.faceValue(), reportedAmount)
                .amountAtStake(order.price())
                .build();
        repair.handle(new AnomalyCase(AnomalyKind.AMOUNT_MISMATCH, AnomalyKind.AMOUNT_MISMATCH + ":" + attempt.id(),
                order, attempt, attempt.channelCode(), attempt.id(), attempt.channelReference(), order.price(), fact,
                NamedValues.of("channel", attempt.channelCode(), "attempt", attempt.id(),
                        "expectedAmount", attempt.faceValue(), "reportedAmount", reportedAmount)), now);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void successAfterRefund(WorkOrder order, Attempt attempt, String channelReference, Instant now) {
        AnomalyFact fact = AnomalyFact.of(AnomalyKind.SUCCESS_AFTER_REFUND, order.id())
                .orderStatus(order.status().name())
                .channel(attempt.channelCode())
                .amounts(order.faceValue(), order.faceValue())
                .amountAtStake(order.price())
                .build();
        repair.handle(new AnomalyCase(AnomalyKind.SUCCESS_AFTER_REFUND,
                AnomalyKind.SUCCESS_AFTER_REFUND + ":" + attempt.id(), order, attempt, attempt.channelCode(), attempt.id(),
                channelReference, order.price(), fact,
                NamedValues.of("channel", attempt.channelCode(), "attempt", attempt.id(), "channelReference", channelReference,
                        "refunded", order.price())), now);
    }
}
