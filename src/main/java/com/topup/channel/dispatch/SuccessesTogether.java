package com.topup.channel.dispatch;

import com.topup.channel.adapter.ChannelStatus;
import com.topup.order.OrderStatus;
import com.topup.order.OrderTransitions;
import com.topup.order.WorkOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Several channel callbacks applied in one transaction, for what nearly all of them say: an open attempt of a
 * PROCESSING order succeeded, for its face value, under the reference the channel answered the submit with (or
 * none). The orders are locked in one statement (id order), the attempts in another, the attempts finish in one round
 * trip (in the order of the outcome-tally rows they add to) and the orders succeed in one statement. A repeat of a
 * success already applied, and an attempt that is not ours, are answered as {@link AttemptOutcomes#reported} answers
 * them, changing nothing. Every other report (a failure, a wrong amount, a second reference, a circuit's probe, an
 * order no longer PROCESSING, the same attempt twice) is left out, for {@code reported} in a transaction of its own.
 */
@ApplicationScoped
public class SuccessesTogether {

    private final OrderTransitions orders;
    private final AttemptStore attempts;

    public SuccessesTogether(OrderTransitions orders, AttemptStore attempts) {
        this.orders = orders;
        this.attempts = attempts;
    }

    /** @return for each report, in the order given, what it did, or empty when it is left out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Optional<ReportResult>> apply(List<AttemptReport> reports, Instant now) {
        Set<String> orderIds = reports.stream().map(r -> AttemptIds.orderOf(r.attemptId())).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        Map<String, WorkOrder> locked = orders.lockAllForWork(orderIds).stream()
                .collect(Collectors.toMap(WorkOrder::id, Function.identity()));
        List<String> attemptIds = reports.stream().map(AttemptReport::attemptId)
                .filter(id -> AttemptIds.orderOf(id).filter(locked::containsKey).isPresent()).distinct().toList();
        List<Attempt> inTallyOrder = attempts.lockAllToFinish(attemptIds, now);
        Map<String, Attempt> byId = new HashMap<>();
        inTallyOrder.forEach(attempt -> byId.put(attempt.id(), attempt));

        List<Optional<ReportResult>> results = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> succeedingOrders = new HashSet<>();
        Map<String, AttemptReport> succeeding = new LinkedHashMap<>();
        for (AttemptReport report : reports) {
            Attempt attempt = byId.get(report.attemptId());
            boolean first = seen.add(report.attemptId());
            if (attempt == null || !attempt.channelCode().equals(report.channelCode())
                    || !AttemptIds.orderOf(attempt.id()).orElseThrow().equals(attempt.orderId())) {
                results.add(Optional.of(ReportResult.UNKNOWN_ATTEMPT));
            } else if (!first || report.source() != ReportSource.CALLBACK || report.status() != ChannelStatus.SUCCEEDED) {
                results.add(Optional.empty());
            } else if (attempt.status() == AttemptStatus.SUCCEEDED && !secondReference(attempt, report)) {
                results.add(Optional.of(ReportResult.DUPLICATE));
            } else if (plainSuccess(attempt, report, locked.get(attempt.orderId()))
                    && succeedingOrders.add(attempt.orderId())) {
                succeeding.put(attempt.id(), report);
                results.add(Optional.of(ReportResult.APPLIED));
            } else {
                results.add(Optional.empty());
            }
        }
        if (!succeeding.isEmpty()) {
            attempts.succeedAll(inTallyOrder.stream().filter(a -> succeeding.containsKey(a.id()))
                    .map(a -> new AttemptStore.Succeeded(a.id(), succeeding.get(a.id()).channelReference())).toList(), now);
            orders.succeedAll(succeeding.keySet().stream().map(id -> byId.get(id).orderId()).toList(), now);
        }
        return results;
    }

    private static boolean plainSuccess(Attempt attempt, AttemptReport report, WorkOrder order) {
        return attempt.status().isOpen() && order.status() == OrderStatus.PROCESSING
                && attempt.probeGeneration() == null && !secondReference(attempt, report)
                && (report.amount() == null || report.amount() == attempt.faceValue());
    }

    /** The channel names another reference than the attempt has: a second charge, which {@code reported} handles. */
    private static boolean secondReference(Attempt attempt, AttemptReport report) {
        return attempt.channelReference() != null && report.channelReference() != null
                && !Objects.equals(attempt.channelReference(), report.channelReference());
    }
}
