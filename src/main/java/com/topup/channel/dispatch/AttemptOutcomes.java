package com.topup.channel.dispatch;

import com.topup.channel.ChannelConfig;
import com.topup.channel.ChannelDefinition;
import com.topup.channel.ChannelDirectory;
import com.topup.channel.adapter.ChannelStatus;
import com.topup.channel.adapter.SubmitOutcome;
import com.topup.channel.adapter.SubmitResult;
import com.topup.channel.health.ChannelFaults;
import com.topup.channel.health.CircuitBreakers;
import com.topup.channel.health.ProbePermit;
import com.topup.order.OrderStatus;
import com.topup.order.OrderTransitions;
import com.topup.order.WorkOrder;
import com.topup.rules.DecisionService;
import com.topup.rules.FallbackOutcome;
import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.FailureFact;
import com.topup.rules.model.OrderFact;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The second half of every attempt: what the channel answered to the submit, then what it reported by callback or
 * status query. Each handler locks the order, then the attempt, and moves both with guarded updates, so a repeated
 * or late report, a second instance or a repair never moves an order twice. A failed attempt asks the fallback
 * rules; anything off the happy path (a second charge, a wrong amount, a success after the refund, an order the
 * channel does not finish in time) goes to {@link DispatchAnomalies}.
 */
@ApplicationScoped
public class AttemptOutcomes {

    private static final Logger LOG = Logger.getLogger(AttemptOutcomes.class);

    private final OrderTransitions orders;
    private final AttemptStore attempts;
    private final ChannelDirectory directory;
    private final ChannelFactsBuilder facts;
    private final DecisionService decisions;
    private final FallbackExecutor fallback;
    private final DispatchAnomalies anomalies;
    private final CircuitBreakers circuits;
    private final ChannelConfig config;
    private final MeterRegistry metrics;

    public AttemptOutcomes(OrderTransitions orders, AttemptStore attempts, ChannelDirectory directory,
                           ChannelFactsBuilder facts, DecisionService decisions, FallbackExecutor fallback,
                           DispatchAnomalies anomalies, CircuitBreakers circuits, ChannelConfig config, MeterRegistry metrics) {
        this.orders = orders;
        this.attempts = attempts;
        this.directory = directory;
        this.facts = facts;
        this.decisions = decisions;
        this.fallback = fallback;
        this.anomalies = anomalies;
        this.circuits = circuits;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * The channel's immediate answer to the submit. Taken or maybe taken is one guarded move of the attempt (a report
     * that came first has already moved it on, and then nothing changes); a refusal locks the order for the fallback.
     */
    @Transactional
    public void submitted(PlannedAttempt planned, SubmitResult result) {
        Instant now = Instant.now();
        Optional<AttemptStore.Processing> taken = taken(planned, result, now);
        if (taken.isPresent()) {
            attempts.processing(taken.get());
        } else {
            refused(planned, result, now);
        }
    }

    /**
     * The answers to several submits in one transaction: their orders are locked first, in one round trip, then the
     * attempts taken move in one more, then each refusal follows in order-id order. Any failure rolls back all of them.
     * Locking the orders first is what every transaction that moves several attempts does: a group of callbacks that
     * came before these answers holds those orders, so this one waits for it instead of locking the same attempts in
     * another order and ending in a deadlock (seen once, in the kill-instance drill).
     */
    @Transactional
    public void submittedAll(List<SubmitAnswer> answers) {
        Instant now = Instant.now();
        List<SubmitAnswer> inOrder = answers.stream()
                .sorted(Comparator.comparing(answer -> answer.attempt().orderId())).toList();
        orders.lockAllForWork(inOrder.stream().map(answer -> answer.attempt().orderId()).toList());
        List<AttemptStore.Processing> taken = new ArrayList<>();
        for (SubmitAnswer answer : inOrder) {
            taken(answer.attempt(), answer.result(), now).ifPresent(taken::add);
        }
        if (!taken.isEmpty()) {
            attempts.processingAll(taken);
        }
        inOrder.stream().filter(answer -> answer.result().outcome() == SubmitOutcome.REJECTED)
                .forEach(answer -> refused(answer.attempt(), answer.result(), now));
    }

    /** The attempt's move to PROCESSING when the channel took the order or may have; empty when it refused. */
    private Optional<AttemptStore.Processing> taken(PlannedAttempt planned, SubmitResult result, Instant now) {
        return switch (result.outcome()) {
            case ACCEPTED -> Optional.of(new AttemptStore.Processing(planned.attemptId(), result.channelReference(), null,
                    now.plusMillis(planned.channel().expectedCompletionMs())));
            case UNKNOWN -> Optional.of(new AttemptStore.Processing(planned.attemptId(), null, result.errorClass(),
                    now.plus(config.unknownOutcomeQueryDelay())));
            case REJECTED -> Optional.empty();
        };
    }

    private void refused(PlannedAttempt planned, SubmitResult result, Instant now) {
        Optional<WorkOrder> order = orders.lockForWork(planned.orderId());
        Optional<Attempt> attempt = attempts.lock(planned.attemptId());
        if (order.isPresent() && attempt.isPresent() && attempt.get().status() == AttemptStatus.SUBMITTING) {
            failAttempt(order.get(), attempt.get(), result.channelReference(),
                    result.errorClass() == null ? "REJECTED" : result.errorClass(), result.errorCode(),
                    result.elapsedMillis(), now);
        }
    }

    /** A channel's report about an attempt (callback or status query). */
    @Transactional
    public ReportResult reported(AttemptReport report) {
        Instant now = Instant.now();
        Optional<WorkOrder> locked = AttemptIds.orderOf(report.attemptId()).flatMap(orders::lockForWork);
        Optional<Attempt> reportedOn = locked.flatMap(o -> attempts.lock(report.attemptId()))
                .filter(a -> a.channelCode().equals(report.channelCode()) && a.orderId().equals(locked.get().id()));
        if (reportedOn.isEmpty()) {
            return ReportResult.UNKNOWN_ATTEMPT;
        }
        WorkOrder order = locked.get();
        Attempt attempt = reportedOn.get();
        if (report.source() == ReportSource.QUERY) {
            attempts.logQuery(attempt, report.status().name(), report.errorClass(), now);
        }
        return switch (report.status()) {
            case SUCCEEDED -> succeeded(order, attempt, report, now);
            case FAILED, NOT_FOUND -> {
                if (!attempt.status().isOpen()) {
                    if (attempt.status() == AttemptStatus.SUCCEEDED) {
                        LOG.warnf("Channel %s reports attempt %s %s after reporting success; kept as succeeded",
                                attempt.channelCode(), attempt.id(), report.status());
                    }
                    yield ReportResult.DUPLICATE;
                }
                String errorClass = report.status() == ChannelStatus.NOT_FOUND ? "NOT_FOUND"
                        : report.errorClass() == null ? "REJECTED" : report.errorClass();
                failAttempt(order, attempt, report.channelReference(), errorClass, report.errorCode(),
                        Duration.between(attempt.startedAt(), now).toMillis(), now);
                yield ReportResult.APPLIED;
            }
            case PROCESSING, UNKNOWN -> {
                if (attempt.status() == AttemptStatus.PROCESSING && report.source() == ReportSource.QUERY) {
                    stillOpen(order, attempt, report.status(), now);
                    yield ReportResult.APPLIED;
                }
                yield ReportResult.DUPLICATE;
            }
        };
    }

    private ReportResult succeeded(WorkOrder order, Attempt attempt, AttemptReport report, Instant now) {
        boolean secondReference = attempt.channelReference() != null && report.channelReference() != null
                && !attempt.channelReference().equals(report.channelReference());
        if (attempt.status() == AttemptStatus.SUCCEEDED) {
            if (secondReference) {
                anomalies.duplicateSuccess(order, attempt, attempt.channelCode(), report.channelReference(), now);
                return ReportResult.APPLIED;
            }
            return ReportResult.DUPLICATE;
        }
        // An open attempt succeeding under another reference than the one the channel answered the submit with: the
        // channel made a second order of one request, and this report came before the first one's (late or lost).
        // The attempt takes the reported success; the anomaly names the submit's reference as the other charge.
        boolean chargedUnderAnother = secondReference && attempt.status().isOpen();
        if (attempt.status().isOpen()) {
            attempts.finish(attempt.id(), AttemptStatus.SUCCEEDED, report.channelReference(), null, null, now);
            finishProbe(attempt, true);
        } else {
            attempts.lateSuccess(attempt.id(), report.channelReference(), now);
            metrics.counter("topup_channel_late_successes_total", "channel", attempt.channelCode()).increment();
        }
        if (report.amount() != null && report.amount() != attempt.faceValue()) {
            anomalies.amountMismatch(order, attempt, report.amount(), now);
            return ReportResult.APPLIED;
        }
        if (order.status() == OrderStatus.SUCCEEDED) {
            String first = attempts.ofOrder(order.id()).stream()
                    .filter(a -> a.status() == AttemptStatus.SUCCEEDED && !a.id().equals(attempt.id()))
                    .map(Attempt::channelCode).findFirst().orElse(attempt.channelCode());
            anomalies.duplicateSuccess(order, attempt, first, report.channelReference(), now);
        } else if (order.status() == OrderStatus.FAILED) {
            anomalies.successAfterRefund(order, attempt, report.channelReference(), now);
        } else {
            orders.succeed(order.id(), now);
            if (chargedUnderAnother) {
                anomalies.duplicateSuccess(order, attempt, attempt.channelCode(), attempt.channelReference(), now);
            }
        }
        return ReportResult.APPLIED;
    }

    private void failAttempt(WorkOrder order, Attempt attempt, String channelReference, String errorClass,
                             String errorCode, long elapsedMillis, Instant now) {
        attempts.finish(attempt.id(), AttemptStatus.FAILED, channelReference, errorClass, errorCode, now);
        attempts.releaseQuota(attempt);
        finishProbe(attempt, !ChannelFaults.isFault(AttemptStatus.FAILED.name(), errorClass));
        if (order.status() != OrderStatus.PROCESSING) {
            return;
        }
        Set<String> tried = Rounds.triedChannels(order, attempts.ofOrder(order.id()));
        OrderFact orderFact = OrderFacts.of(order, order.attemptCount(), now);
        List<ChannelFact> remaining = facts.untried(tried, order.carrier(), order.province(), order.faceValue()).stream().filter(c -> c.supports(orderFact)).toList();
        FallbackOutcome decision = decisions.decideFallback(orderFact,
                new FailureFact(attempt.channelCode(), errorClass, errorCode, elapsedMillis), remaining);
        attempts.recordFallback(attempt.id(), decision.action().name(), decision.version(), decision.firedRules());
        fallback.apply(order, decision, errorClass, false, now);
    }

    private void stillOpen(WorkOrder order, Attempt attempt, ChannelStatus lastAnswer, Instant now) {
        ChannelDefinition channel = directory.find(attempt.channelCode()).orElse(null);
        long waited = Duration.between(attempt.startedAt(), now).toMillis();
        if (channel == null || waited < channel.expectedCompletionMs()) {
            attempts.queryAgainAt(attempt.id(), now.plus(config.queryInterval()));
            return;
        }
        anomalies.stillOpen(order, attempt, lastAnswer, waited, now);
    }

    private void finishProbe(Attempt attempt, boolean healthy) {
        if (attempt.probeGeneration() != null) {
            circuits.probeFinished(new ProbePermit(attempt.channelCode(), attempt.probeGeneration()), healthy);
        }
    }
}
