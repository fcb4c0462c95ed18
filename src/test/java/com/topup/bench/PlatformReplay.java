package com.topup.bench;

import com.topup.channel.health.SuccessPrediction;
import com.topup.rules.FallbackOutcome;
import com.topup.rules.RouteOutcome;
import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.FailureFact;
import com.topup.rules.model.OrderFact;
import com.topup.rules.model.RouteCandidate;
import com.topup.rules.model.RuleRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One policy through one scenario, in simulated time: orders arrive at a steady rate, each dispatch asks the
 * policy's routing rules (facts built as the platform builds them: live window figures, breaker state, load and the
 * success model's predictions, or the boosted model's where the policy takes those, learnt from the attempts
 * finished before the last 500 ms refresh), the first ranked
 * channel with room is called, its result comes after its latency, and a failure goes to the policy's fallback
 * rules. An order's fate on a channel is drawn from the scenario seed, the order's position in the stream and the
 * channel, so every policy meets the same draws.
 */
final class PlatformReplay {

    static final Instant START = Instant.parse("2026-11-26T02:05:00Z");
    private static final long DISPATCH_MS = 25;
    private static final long REDISPATCH_MS = 15;
    private static final long STATUS_QUERY_MS = 40;
    private static final long REFUSAL_MS = 50;
    private static final long BUSY_RETRY_MS = 1_000;
    private static final long NO_CHANNEL_RETRY_MS = 5_000;
    private static final long REFRESH_MS = 500;
    private static final int CAPACITY = 200;

    private enum Kind { ARRIVE, DISPATCH, RESULT, REFRESH }

    private record Event(long at, long seq, Kind kind, OrderRun order, Attempt attempt) {
    }

    /** One channel attempt of an order. */
    record Attempt(String channel, long startedAt, long finishedAt, boolean succeeded, boolean fault, long cost,
                   boolean probe, ReplayEstimators.Forecast forecast) {
    }

    /** An order as it goes through the replay. */
    static final class OrderRun {
        final ReplayOrder order;
        final List<Attempt> attempts = new ArrayList<>();
        final Set<String> tried = new HashSet<>();
        String status = "PENDING";
        long finishedAt = -1;

        OrderRun(ReplayOrder order) {
            this.order = order;
        }
    }

    private final ReplayScenario scenario;
    private final List<ReplayOrder> orders;
    private final long seed;
    private final ReplayPolicy policy;
    private final ReplayEstimators estimators;
    private final ReplayHealth health = new ReplayHealth();
    private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.at() != b.at()
            ? Long.compare(a.at(), b.at()) : Long.compare(a.seq(), b.seq()));
    private final Map<String, Integer> inFlight = new HashMap<>();
    private final ReplayNotice notice;
    private long seq;
    private int open;

    /** {@code gbt} null: the run has the success model only (the policy must not take the boosted model's figures). */
    PlatformReplay(ReplayScenario scenario, List<ReplayOrder> orders, long seed, ReplayPolicy policy,
                   GbtSuccessModel.Settings gbt) {
        this.scenario = scenario;
        this.orders = orders;
        this.seed = seed;
        this.policy = policy;
        if (gbt == null && policy.predictions() == ReplayEstimators.Source.GBT) {
            throw new IllegalArgumentException(policy.name() + " takes the boosted model's predictions");
        }
        this.estimators = new ReplayEstimators(scenario, health, gbt);
        this.notice = new ReplayNotice(scenario.change());
    }

    List<OrderRun> run() {
        List<OrderRun> runs = new ArrayList<>(orders.size());
        for (ReplayOrder o : orders) {
            OrderRun run = new OrderRun(o);
            runs.add(run);
            schedule(o.arrivalMillis(), Kind.ARRIVE, run, null);
        }
        open = runs.size();
        schedule(0, Kind.REFRESH, null, null);
        while (!events.isEmpty()) {
            Event e = events.poll();
            switch (e.kind()) {
                case ARRIVE -> arrive(e.order(), e.at());
                case DISPATCH -> dispatch(e.order(), e.at());
                case RESULT -> result(e.order(), e.attempt(), e.at());
                case REFRESH -> refresh(e.at());
            }
        }
        return runs;
    }

    ReplayNotice notice() {
        return notice;
    }

    /** The estimators as the run left them, with their prediction scores. */
    ReplayEstimators estimators() {
        return estimators;
    }

    private void schedule(long at, Kind kind, OrderRun order, Attempt attempt) {
        events.add(new Event(at, seq++, kind, order, attempt));
    }

    private void refresh(long now) {
        estimators.refresh(now);
        health.refresh(now);
        if (open > 0) {
            schedule(now + REFRESH_MS, Kind.REFRESH, null, null);
        }
    }

    private void arrive(OrderRun run, long now) {
        ReplayOrder o = run.order;
        String channel = scenario.change().channel();
        boolean serves = scenario.configured(now / 1000.0).stream()
                .anyMatch(s -> s.code().equals(channel) && s.successRate().containsKey(o.carrier()));
        if (serves && notice.concerns(o)) {
            ReplaySupplier changed = supplier(channel, now);
            ReplayEstimators.Source source = policy.predictions() == ReplayEstimators.Source.GBT
                    ? ReplayEstimators.Source.GBT : ReplayEstimators.Source.SUCCESS_MODEL;
            notice.observe(now / 1000.0, estimators.predict(List.of(changed), o, now, source).get(0));
        }
        schedule(now + DISPATCH_MS, Kind.DISPATCH, run, null);
    }

    private void dispatch(OrderRun run, long now) {
        if (!"PENDING".equals(run.status)) {
            return;
        }
        int attemptNo = run.attempts.size() + 1;
        OrderFact order = orderFact(run, attemptNo, now);
        List<ChannelFact> candidates = facts(run, now);
        RouteOutcome route = policy.routing().route(order, candidates, new RuleRandom(run.order.orderId().hashCode() * 31L + attemptNo));
        for (RouteCandidate candidate : route.ranked()) {
            ReplaySupplier supplier = supplier(candidate.channel(), now);
            if (supplier == null || run.tried.contains(supplier.code())
                    || !supplier.successRate().containsKey(run.order.carrier())
                    || inFlight.getOrDefault(supplier.code(), 0) >= CAPACITY) {
                continue;
            }
            String circuit = health.circuit(supplier.code());
            if ("OPEN".equals(circuit)) {
                continue;
            }
            boolean probe = "HALF_OPEN".equals(circuit);
            if (probe && !health.tryProbe(supplier.code())) {
                continue;
            }
            start(run, supplier, probe, now);
            return;
        }
        if (!route.ranked().isEmpty()) {
            schedule(now + BUSY_RETRY_MS, Kind.DISPATCH, run, null);
            return;
        }
        List<ChannelFact> remaining = candidates.stream().filter(c -> c.supports(order)).toList();
        FallbackOutcome decision = policy.fallback().fallback(order, new FailureFact(null, "NO_CHANNEL", null, 0), remaining);
        apply(run, decision, true, now);
    }

    private void start(OrderRun run, ReplaySupplier supplier, boolean probe, long now) {
        SplittableRandom fate = new SplittableRandom(seed * 1_000_003L + run.order.index() * 7_919L + supplier.code().hashCode());
        double draw = fate.nextDouble();
        long latency = logNormal(fate.nextGaussian(), supplier.medianMs(), supplier.p95Ms());
        double second = now / 1000.0;
        boolean outage = scenario.outage(supplier.code(), run.order.province(), second);
        boolean succeeded = !outage && draw < scenario.odds(supplier, run.order.carrier(), run.order.province(), second);
        long finishedAt = now + (outage ? REFUSAL_MS : latency);
        long cost = Math.round(run.order.faceValue() * supplier.costRate());
        ReplayEstimators.Forecast forecast = estimators.forecast(supplier.code(), run.order, now,
                scenario.odds(supplier, run.order.carrier(), run.order.province(), second));
        Attempt attempt = new Attempt(supplier.code(), now, finishedAt, succeeded, outage, cost, probe, forecast);
        run.attempts.add(attempt);
        run.tried.add(supplier.code());
        inFlight.merge(supplier.code(), 1, Integer::sum);
        schedule(finishedAt, Kind.RESULT, run, attempt);
    }

    private void result(OrderRun run, Attempt attempt, long now) {
        inFlight.merge(attempt.channel(), -1, Integer::sum);
        long latency = attempt.finishedAt() - attempt.startedAt();
        health.finished(now, attempt.channel(), run.order.carrier(), attempt.succeeded(), attempt.fault(), latency, attempt.probe());
        estimators.finished(attempt.channel(), run.order, attempt.forecast(), attempt.succeeded(), now, latency);
        if (attempt.succeeded()) {
            finish(run, "SUCCEEDED", now);
            return;
        }
        OrderFact order = orderFact(run, run.attempts.size(), now);
        List<ChannelFact> remaining = facts(run, now).stream().filter(c -> c.supports(order)).toList();
        FailureFact failure = new FailureFact(attempt.channel(), attempt.fault() ? "NETWORK" : "REJECTED",
                attempt.fault() ? "HTTP_503" : "ORDER_FAILED", latency);
        apply(run, policy.fallback().fallback(order, failure, remaining), false, now);
    }

    private void apply(OrderRun run, FallbackOutcome decision, boolean routingFoundNothing, long now) {
        switch (decision.action()) {
            case NEXT_CHANNEL -> schedule(now + (routingFoundNothing ? NO_CHANNEL_RETRY_MS
                    : REDISPATCH_MS + (decision.queryFirst() ? STATUS_QUERY_MS : 0)), Kind.DISPATCH, run, null);
            case RETRY_LATER -> schedule(now + Math.max(0, decision.delayMillis()), Kind.DISPATCH, run, null);
            case FAIL_AND_REFUND -> finish(run, "FAILED", now);
            case HOLD_FOR_REVIEW -> finish(run, "REVIEW", now);
        }
    }

    private void finish(OrderRun run, String status, long now) {
        run.status = status;
        run.finishedAt = now;
        open--;
    }

    private OrderFact orderFact(OrderRun run, int attempt, long now) {
        ReplayOrder o = run.order;
        return new OrderFact(o.orderId(), "demo-merchant", "STANDARD", o.carrier(), o.province(), null, o.faceValue(),
                Math.round(o.faceValue() * 0.985), attempt, now - o.arrivalMillis());
    }

    /** The configured channels not yet tried for the order, as the platform's channel facts. */
    private List<ChannelFact> facts(OrderRun run, long now) {
        double second = now / 1000.0;
        ReplayOrder o = run.order;
        List<ReplaySupplier> untried = scenario.configured(second).stream().filter(s -> !run.tried.contains(s.code()))
                .toList();
        boolean oracle = policy.predictions() == ReplayEstimators.Source.TRUE_ODDS;
        List<SuccessPrediction> predictions = oracle ? List.of() : estimators.predict(untried, o, now, policy.predictions());
        List<ChannelFact> facts = new ArrayList<>();
        for (int i = 0; i < untried.size(); i++) {
            ReplaySupplier s = untried.get(i);
            double predicted;
            double confidence;
            double sampleSize;
            long expectedLatency;
            if (oracle) {
                predicted = scenario.odds(s, o.carrier(), o.province(), second);
                confidence = 1;
                sampleSize = 1_000;
                expectedLatency = s.medianMs();
            } else {
                SuccessPrediction p = predictions.get(i);
                predicted = p.success();
                confidence = p.confidence();
                sampleSize = p.sampleSize();
                expectedLatency = p.expectedLatencyMillis();
            }
            facts.add(new ChannelFact(s.code(), s.successRate().keySet(), Set.of(), Set.of(), s.costRate(),
                    health.successRate(s.code(), o.carrier()), health.latencyP95(s.code(), o.carrier()),
                    inFlight.getOrDefault(s.code(), 0), CAPACITY, health.circuit(s.code()), Long.MAX_VALUE, predicted,
                    confidence, sampleSize, expectedLatency));
        }
        return facts;
    }

    private ReplaySupplier supplier(String code, long now) {
        return scenario.configured(now / 1000.0).stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
    }

    /** A log-normal latency with the given median and 95th percentile. */
    private static long logNormal(double gaussian, long median, long p95) {
        double sigma = Math.log((double) p95 / median) / 1.6449;
        return Math.max(1, Math.round(median * Math.exp(sigma * gaussian)));
    }
}
