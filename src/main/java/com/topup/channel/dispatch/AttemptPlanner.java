package com.topup.channel.dispatch;

import com.topup.channel.CallbackAddress;
import com.topup.channel.ChannelConfig;
import com.topup.channel.ChannelDefinition;
import com.topup.channel.ChannelDirectory;
import com.topup.channel.adapter.SubmitRequest;
import com.topup.channel.health.CircuitBreakers;
import com.topup.channel.health.CircuitState;
import com.topup.channel.health.ProbePermit;
import com.topup.common.crypto.PhoneCrypto;
import com.topup.order.OrderStatus;
import com.topup.order.OrderTransitions;
import com.topup.order.WorkOrder;
import com.topup.rules.DecisionService;
import com.topup.rules.FallbackOutcome;
import com.topup.rules.RouteOutcome;
import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.FailureFact;
import com.topup.rules.model.OrderFact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The first half of a dispatch, in one transaction on the locked order: ask the routing rules, take the first
 * ranked channel that has room (capacity, quota, a probe slot when half-open), write the attempt as SUBMITTING and
 * move the order to PROCESSING (the attempts and moves of orders planned together are each written in one
 * statement). A message for an order that is final, parked, waiting for a retry time or already has an open attempt
 * is a duplicate and changes nothing.
 */
@ApplicationScoped
public class AttemptPlanner {

    private final OrderTransitions orders;
    private final AttemptStore attempts;
    private final ChannelDirectory directory;
    private final ChannelFactsBuilder facts;
    private final DecisionService decisions;
    private final CircuitBreakers circuits;
    private final FallbackExecutor fallback;
    private final PhoneCrypto phones;
    private final CallbackAddress callbacks;
    private final ChannelConfig config;
    private final DispatchAnomalies anomalies;
    private final OpenAttempts open;

    public AttemptPlanner(OrderTransitions orders, AttemptStore attempts, ChannelDirectory directory,
                          ChannelFactsBuilder facts, DecisionService decisions, CircuitBreakers circuits,
                          FallbackExecutor fallback, PhoneCrypto phones, CallbackAddress callbacks, ChannelConfig config,
                          DispatchAnomalies anomalies, OpenAttempts open) {
        this.orders = orders;
        this.attempts = attempts;
        this.directory = directory;
        this.facts = facts;
        this.decisions = decisions;
        this.circuits = circuits;
        this.fallback = fallback;
        this.phones = phones;
        this.callbacks = callbacks;
        this.config = config;
        this.anomalies = anomalies;
        this.open = open;
    }

    /**
     * Plans several orders in one transaction: they are locked together, in order-id order, so two such transactions
     * never wait for each other's orders in a cycle, and their repeats are looked up together. All are routed before
     * the channels they were routed to are locked and counted ({@link OpenAttempts#countAll}), so those locks are held
     * only while the orders are placed and their attempts written and committed. Any order's failure rolls back all.
     */
    @Transactional
    public List<PlannedAttempt> planAll(List<String> orderIds) {
        List<WorkOrder> locked = orders.lockAllForWork(orderIds);
        Instant now = Instant.now();
        List<WorkOrder> due = locked.stream().filter(order -> isDue(order, now)).toList();
        Set<String> heldBack = anomalies.heldBack(due.stream().filter(AttemptPlanner::isFirstDispatch).toList(), now);
        List<Routed> routed = new ArrayList<>();
        for (WorkOrder order : due) {
            if (!heldBack.contains(order.id())) {
                route(order, now).ifPresent(routed::add);
            }
        }
        open.countAll(routed.stream().flatMap(r -> r.channels().stream()).map(ChannelDefinition::code).toList());
        // the attempts start once the locks are held: an earlier attempt of an order has finished before this instant
        Instant startedAt = Instant.now();
        Starts started = new Starts();
        List<PlannedAttempt> planned = new ArrayList<>();
        for (Routed order : routed) {
            place(order, startedAt, started).ifPresent(planned::add);
        }
        if (!started.attempts.isEmpty()) {
            orders.startAttempts(started.orders, startedAt);
            attempts.insertAll(started.attempts);
        }
        return planned;
    }

    @Transactional
    public Optional<PlannedAttempt> plan(String orderId) {
        return planAll(List.of(orderId)).stream().findFirst();
    }

    private static boolean isDue(WorkOrder order, Instant now) {
        return (order.status() == OrderStatus.PENDING || order.status() == OrderStatus.PROCESSING)
                && (order.retryAt() == null || !order.retryAt().isAfter(now));
    }

    private static boolean isFirstDispatch(WorkOrder order) {
        return order.status() == OrderStatus.PENDING && order.attemptCount() == 0;
    }

    /** An order routed: the channels it may take, best first, before their room is known. */
    private record Routed(WorkOrder order, int attemptNo, RouteOutcome route, List<ChannelFact> candidates,
                          List<ChannelDefinition> channels) {
    }

    /**
     * Asks the routing rules for one locked order. An order with an open or successful attempt in its current round is
     * left as it is; one no channel serves goes to the fallback rules at once.
     */
    private Optional<Routed> route(WorkOrder order, Instant now) {
        String orderId = order.id();
        // attempt_count counts the order's attempts: each is inserted with the order's move that counts it
        List<Attempt> previous = order.attemptCount() == 0 ? List.of() : attempts.ofOrder(orderId);
        if (Rounds.current(order, previous).stream()
                .anyMatch(a -> a.status().isOpen() || a.status() == AttemptStatus.SUCCEEDED)) {
            return Optional.empty();
        }
        Set<String> tried = Rounds.triedChannels(order, previous);
        int attemptNo = order.attemptCount() + 1;
        OrderFact orderFact = OrderFacts.of(order, attemptNo, now);
        List<ChannelFact> candidates = facts.untried(tried, order.carrier(), order.province(), order.faceValue());
        RouteOutcome route = decisions.decideRoute(orderFact, candidates, orderId.hashCode() * 31L + attemptNo);
        if (route.ranked().isEmpty()) {
            FailureFact failure = new FailureFact(null, "NO_CHANNEL", null, 0);
            List<ChannelFact> remaining = candidates.stream().filter(c -> c.supports(orderFact)).toList();
            FallbackOutcome decision = decisions.decideFallback(orderFact, failure, remaining);
            fallback.apply(order, decision, "NO_CHANNEL", true, now);
            return Optional.empty();
        }
        List<ChannelDefinition> channels = route.ranked().stream()
                .flatMap(candidate -> directory.find(candidate.channel()).stream())
                .filter(ChannelDefinition::enabled)
                .filter(c -> !tried.contains(c.code()))
                .filter(c -> c.serves(order.carrier(), order.province(), order.faceValue()))
                .toList();
        return Optional.of(new Routed(order, attemptNo, route, candidates, channels));
    }

    /**
     * Starts the routed order on the first of its channels that has room (capacity, quota, a probe slot when
     * half-open); the attempt is added to {@code started}, to be written with the others. With none, the order tries
     * again shortly.
     */
    private Optional<PlannedAttempt> place(Routed routed, Instant now, Starts started) {
        WorkOrder order = routed.order();
        for (ChannelDefinition channel : routed.channels()) {
            if (open.on(channel.code()) >= channel.capacity()) {
                continue;
            }
            CircuitState circuit = circuits.state(channel.code());
            if (circuit == CircuitState.OPEN
                    || !attempts.reserveQuota(channel.code(), channel.dailyQuota(), order.id(), order.faceValue(), now)) {
                continue;
            }
            Optional<ProbePermit> probe = Optional.empty();
            if (circuit == CircuitState.HALF_OPEN) {
                probe = circuits.tryAcquireProbe(channel.code());
                if (probe.isEmpty()) {
                    attempts.releaseQuota(channel.code(), channel.dailyQuota(), order.id(), now, order.faceValue());
                    continue;
                }
            }
            RoutePrediction prediction = RoutePrediction.of(channel.code(), routed.route().ranked(), routed.candidates());
            return Optional.of(start(order, routed.attemptNo(), channel, routed.route(), prediction,
                    probe.map(ProbePermit::generation).orElse(null), now, started));
        }
        orders.retryAt(order.id(), now.plus(config.busyRetryDelay()), now);
        return Optional.empty();
    }

    private PlannedAttempt start(WorkOrder order, int attemptNo, ChannelDefinition channel, RouteOutcome route,
                                 RoutePrediction prediction, Long probeGeneration, Instant now, Starts started) {
        String attemptId = AttemptIds.of(order.id(), attemptNo);
        started.attempts.add(new AttemptStore.NewAttempt(attemptId, order.id(), attemptNo, channel.code(), order.carrier(),
                order.faceValue(), probeGeneration, route.version(), route.firedRules(), prediction,
                channel.costOf(order.faceValue()), now));
        open.started(channel.code());
        started.orders.add(new OrderTransitions.AttemptStart(order, channel.code()));
        String phone = national(phones.decrypt(order.phoneCipher()));
        SubmitRequest request = new SubmitRequest(attemptId, phone, order.carrier(), order.faceValue(),
                callbacks.forChannel(channel.code()));
        return new PlannedAttempt(attemptId, order.id(), channel, request);
    }

    /** What a planning transaction starts, written together once its last order is planned. */
    private static final class Starts {
        final List<AttemptStore.NewAttempt> attempts = new ArrayList<>();
        final List<OrderTransitions.AttemptStart> orders = new ArrayList<>();
    }

    static String national(String e164) {
        return e164.startsWith("+86") ? e164.substring(3) : e164;
    }
}
