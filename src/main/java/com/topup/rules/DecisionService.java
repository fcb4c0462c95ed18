package com.topup.rules;

import com.topup.rules.model.AnomalyFact;
import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.FailureFact;
import com.topup.rules.model.FallbackAction;
import com.topup.rules.model.OrderFact;
import com.topup.rules.model.RepairAction;
import com.topup.rules.model.RouteDecision;
import com.topup.rules.model.RuleRandom;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The one entry point for decisions; only this package sees Drools. A decision that breaks a guard on the live
 * version is counted, logged with the rule that was firing, and retried on the last good version; if that
 * fails too (or there is none) a safe built-in default decides: every channel that serves the order and is
 * not open, best success rate first. Before a rule set is loaded at all (the instance is starting) nothing is
 * decided: {@link RulesNotLoaded} is thrown and the caller's work waits for the rules.
 */
@ApplicationScoped
public class DecisionService {

    private static final Logger LOG = Logger.getLogger(DecisionService.class);

    private final LiveRules live;
    private final MeterRegistry metrics;

    public DecisionService(LiveRules live, MeterRegistry metrics) {
        this.live = live;
        this.metrics = metrics;
    }

    /** An empty ranking is a decision too (no channel fits); only a broken rule set falls to the safe default. */
    public RouteOutcome decideRoute(OrderFact order, List<ChannelFact> channels, long seed) {
        return decideOrDefault(RuleSets.ROUTING, runtime -> runtime.route(order, channels, new RuleRandom(seed)),
                outcome -> true, order.getOrderId(), () -> safeDefault(order, channels));
    }

    /** After a failed attempt: what to do next. Never undecided: no rule deciding counts as the safe default. */
    public FallbackOutcome decideFallback(OrderFact order, FailureFact failure, List<ChannelFact> remainingChannels) {
        return decideOrDefault(RuleSets.FALLBACK, runtime -> runtime.fallback(order, failure, remainingChannels),
                outcome -> outcome.action() != null, order.getOrderId(), () -> safeFallback(remainingChannels));
    }

    /** What to do about an anomaly. Never undecided: no rule deciding, or a broken rule set, holds it for a person. */
    public RepairOutcome decideRepair(AnomalyFact anomaly, OrderFact order) {
        return decideOrDefault(RuleSets.REPAIR, runtime -> runtime.repair(anomaly, order),
                outcome -> outcome.action() != null, anomaly.getOrderId(), () -> SAFE_REPAIR);
    }

    /**
     * The live version decides; if it breaks a guard the previous one does; if neither decides (no rule fired an
     * action, or both broke) the safe default does.
     */
    private <T> T decideOrDefault(String ruleSet, Function<RuleSetRuntime, T> decide, Predicate<T> decided,
                                  String orderId, Supplier<T> safeDefault) {
        if (live.current(ruleSet).isEmpty()) {
            // starting, not failing: the safe default is for a rule set that breaks, never for one not loaded yet
            throw new RulesNotLoaded(List.of(ruleSet));
        }
        for (Optional<RuleSetRuntime> runtime : List.of(live.current(ruleSet), live.previous(ruleSet))) {
            if (runtime.isEmpty()) {
                continue;
            }
            try {
                T outcome = decide.apply(runtime.get());
                if (decided.test(outcome)) {
                    return outcome;
                }
                LOG.warnf("No %s rule of v%s decided for order %s; using the safe default", ruleSet,
                        runtime.get().version(), orderId);
                break;
            } catch (RuleGuardViolation e) {
                guardTripped(runtime.get(), e);
            }
        }
        return safeDefault.get();
    }

    static final RepairOutcome SAFE_REPAIR = new RepairOutcome(RepairAction.HOLD_FOR_REVIEW,
            "safe default: a person decides", List.of(), null);

    static FallbackOutcome safeFallback(List<ChannelFact> remainingChannels) {
        boolean channelLeft = remainingChannels.stream().anyMatch(c -> !"OPEN".equals(c.getCircuitState()));
        return channelLeft
                ? new FallbackOutcome(FallbackAction.NEXT_CHANNEL, true, 0, "safe default: query, then next channel", List.of(), null)
                : new FallbackOutcome(FallbackAction.FAIL_AND_REFUND, false, 0, "safe default: no channel left", List.of(), null);
    }

    private void guardTripped(RuleSetRuntime runtime, RuleGuardViolation e) {
        metrics.counter("topup_rule_guard_trips_total", "ruleSet", runtime.ruleSet(),
                "version", String.valueOf(runtime.version())).increment();
        LOG.errorf(e, "Decision abandoned on %s v%s (%s): %s", runtime.ruleSet(), runtime.version(),
                e.rule() == null ? "between rule firings" : "rule \"" + e.rule() + "\"", e.getMessage());
    }

    static RouteOutcome safeDefault(OrderFact order, List<ChannelFact> channels) {
        RouteDecision decision = new RouteDecision();
        for (ChannelFact channel : channels) {
            if (channel.supports(order) && !"OPEN".equals(channel.getCircuitState())) {
                decision.propose(channel, channel.getSuccessRate(), "safe default: success rate");
            }
        }
        return new RouteOutcome(decision.getRanked(), decision.getExcluded(), List.of(), null);
    }
}
