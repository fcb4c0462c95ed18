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
import org.jboss.logging.Logger;

/**
 * The one entry point for decisions; only this package sees Drools. A decision that breaks a guard on the live
 * version is counted, logged with the rule that was firing, and retried on the last good version; if that
 * fails too (or there is none) a safe built-in default decides: every channel that serves the order and is
 * not open, best success rate first.
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

    public RouteOutcome decideRoute(OrderFact order, List<ChannelFact> channels, long seed) {
        Optional<RuleSetRuntime> current = live.current(RuleSets.ROUTING);
        if (current.isPresent()) {
            try {
                return current.get().route(order, channels, new RuleRandom(seed));
            } catch (RuleGuardViolation e) {
                guardTripped(current.get(), e);
            }
        }
        Optional<RuleSetRuntime> previous = live.previous(RuleSets.ROUTING);
        if (previous.isPresent()) {
            try {
                return previous.get().route(order, channels, new RuleRandom(seed));
            } catch (RuleGuardViolation e) {
                guardTripped(previous.get(), e);
            }
        }
        return safeDefault(order, channels);
    }

    /** After a failed attempt: what to do next. Never undecided: no rule deciding counts as the safe default. */
    public FallbackOutcome decideFallback(OrderFact order, FailureFact failure, List<ChannelFact> remainingChannels) {
        for (Optional<RuleSetRuntime> runtime : List.of(live.current(RuleSets.FALLBACK), live.previous(RuleSets.FALLBACK))) {
            if (runtime.isEmpty()) {
                continue;
            }
            try {
                FallbackOutcome outcome = runtime.get().fallback(order, failure, remainingChannels);
                if (outcome.action() != null) {
                    return outcome;
                }
                LOG.warnf("No fallback rule of v%s decided for order %s; using the safe default", runtime.get().version(),
                        order.getOrderId());
                break;
            } catch (RuleGuardViolation e) {
                guardTripped(runtime.get(), e);
            }
        }
        return safeFallback(remainingChannels);
    }

    /** What to do about an anomaly. Never undecided: no rule deciding, or a broken rule set, holds it for a person. */
    public RepairOutcome decideRepair(AnomalyFact anomaly, OrderFact order) {
        for (Optional<RuleSetRuntime> runtime : List.of(live.current(RuleSets.REPAIR), live.previous(RuleSets.REPAIR))) {
            if (runtime.isEmpty()) {
                continue;
            }
            try {
                RepairOutcome outcome = runtime.get().repair(anomaly, order);
                if (outcome.action() != null) {
                    return outcome;
                }
                LOG.warnf("No repair rule of v%s decided for %s on order %s; holding it for review", runtime.get().version(),
                        anomaly.getKind(), anomaly.getOrderId());
                break;
            } catch (RuleGuardViolation e) {
                guardTripped(runtime.get(), e);
            }
        }
        return SAFE_REPAIR;
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
