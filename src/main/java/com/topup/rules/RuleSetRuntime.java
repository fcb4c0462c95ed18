package com.topup.rules;

import com.topup.rules.model.AnomalyFact;
import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.FailureFact;
import com.topup.rules.model.FallbackDecision;
import com.topup.rules.model.OrderFact;
import com.topup.rules.model.RepairDecision;
import com.topup.rules.model.RouteDecision;
import com.topup.rules.model.RuleRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Global;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One compiled version of a rule set, ready to decide. Immutable: a new version is a new instance, swapped in
 * atomically by its holder, so a decision always finishes on the version it started with. Stateful sessions
 * are reused (insert, fire, delete) from a small pool: creating a session per decision costs far more than
 * the decision itself. A session that broke a guard is discarded, not reused.
 */
public final class RuleSetRuntime implements AutoCloseable {

    private final String ruleSet;
    private final Integer version;
    private final KieBase kieBase;
    private final RuleLimits limits;
    private final Set<String> declaredGlobals;
    private final ConcurrentLinkedDeque<PooledSession> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;
    private volatile boolean warm;

    public RuleSetRuntime(String ruleSet, Integer version, KieBase kieBase, RuleLimits limits) {
        this.ruleSet = ruleSet;
        this.version = version;
        this.kieBase = kieBase;
        this.limits = limits;
        this.declaredGlobals = kieBase.getKiePackages().stream()
                .flatMap(p -> p.getGlobalVariables().stream())
                .map(Global::getName)
                .collect(Collectors.toUnmodifiableSet());
    }

    public String ruleSet() {
        return ruleSet;
    }

    public Integer version() {
        return version;
    }

    public RouteOutcome route(OrderFact order, List<ChannelFact> channels, RuleRandom random) {
        RouteDecision decision = new RouteDecision();
        List<String> fired = run(session -> {
            setGlobal(session, "decision", decision);
            setGlobal(session, "random", random);
        }, facts -> {
            facts.insert(order);
            channels.forEach(facts::insert);
        });
        return new RouteOutcome(decision.getRanked(), decision.getExcluded(), fired, version);
    }

    public FallbackOutcome fallback(OrderFact order, FailureFact failure, List<ChannelFact> remainingChannels) {
        FallbackDecision decision = new FallbackDecision();
        List<String> fired = run(session -> setGlobal(session, "decision", decision), facts -> {
            facts.insert(order);
            facts.insert(failure);
            remainingChannels.forEach(facts::insert);
        });
        return new FallbackOutcome(decision.getAction(), decision.isQueryFirst(), decision.getDelayMillis(),
                decision.getReason(), fired, version);
    }

    /** Repair decision for one anomaly; {@code order} may be null when the anomaly has no live order. */
    public RepairOutcome repair(AnomalyFact anomaly, OrderFact order) {
        RepairDecision decision = new RepairDecision();
        List<String> fired = run(session -> setGlobal(session, "decision", decision), facts -> {
            facts.insert(anomaly);
            if (order != null) {
                facts.insert(order);
            }
        });
        return new RepairOutcome(decision.getAction(), decision.getReason(), fired, version);
    }

    /**
     * Runs one decision of each kind this rule set makes on representative facts, without the time budget: the
     * first decisions on a new KieBase build its network lazily and can take far longer than the rest. A warmed
     * runtime's first live decision is as fast as any other. What the rules decide or throw here is ignored.
     */
    public RuleSetRuntime warmUp() {
        try {
            switch (ruleSet) {
                case RuleSets.ROUTING -> route(WarmUpFacts.ORDER, WarmUpFacts.CHANNELS, new RuleRandom(1));
                case RuleSets.FALLBACK -> fallback(WarmUpFacts.ORDER, WarmUpFacts.FAILURE, WarmUpFacts.CHANNELS);
                case RuleSets.REPAIR -> WarmUpFacts.ANOMALIES.forEach(anomaly -> repair(anomaly, WarmUpFacts.ORDER));
                default -> throw new IllegalStateException("unknown rule set " + ruleSet);
            }
        } catch (RuleGuardViolation ignored) {
            // a broken rule set shows itself on live decisions, where it is counted and falls back
        } finally {
            warm = true;
        }
        return this;
    }

    private List<String> run(Consumer<KieSession> globals, Consumer<Inserter> facts) {
        PooledSession pooled = idle.pollFirst();
        if (pooled == null) {
            pooled = new PooledSession(kieBase.newKieSession());
        }
        KieSession session = pooled.session;
        List<FactHandle> handles = pooled.handles;
        boolean reusable = false;
        long budgetMillis = warm ? limits.timeBudgetMillis() : WarmUpFacts.BUDGET_MILLIS;
        pooled.fired.startDecision(TimeUnit.MILLISECONDS.toNanos(budgetMillis), limits.allocationBudgetBytes());
        try {
            globals.accept(session);
            facts.accept(fact -> handles.add(session.insert(fact)));
            int count = session.fireAllRules(limits.maxFirings());
            pooled.fired.check();
            if (count >= limits.maxFirings()) {
                throw new RuleGuardViolation(ruleSet + " " + label() + " reached the limit of " + limits.maxFirings()
                        + " rule firings", pooled.fired.current(), "firings", limits.maxFirings(), null);
            }
            List<String> names = pooled.fired.names();
            handles.forEach(session::delete);
            handles.clear();
            reusable = session.getFactCount() == 0;
            return names;
        } catch (RuleGuardViolation e) {
            throw e;
        } catch (RuntimeException e) {
            RuleBudgetExceeded over = budgetCause(e);
            if (over != null) {
                String unit = over.budget().equals("cpu") ? " ms of CPU" : " bytes allocated";
                throw new RuleGuardViolation(ruleSet + " " + label() + " exceeded its " + over.budget() + " budget of "
                        + over.limit() + unit, pooled.fired.current(), over.budget(), over.limit(), null);
            }
            throw new RuleGuardViolation(ruleSet + " " + label() + ": a rule consequence failed: " + e.getMessage(),
                    pooled.fired.current(), e);
        } finally {
            if (reusable && !closed) {
                idle.offerFirst(pooled);
            } else {
                session.dispose();
            }
        }
    }

    private String label() {
        return version == null ? "draft" : "v" + version;
    }

    private static RuleBudgetExceeded budgetCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RuleBudgetExceeded over) {
                return over;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** Rules declare only the globals they use; setting an undeclared one is an engine error. */
    private void setGlobal(KieSession session, String name, Object value) {
        if (declaredGlobals.contains(name)) {
            session.setGlobal(name, value);
        }
    }

    @Override
    public void close() {
        closed = true;
        PooledSession pooled;
        while ((pooled = idle.pollFirst()) != null) {
            pooled.session.dispose();
        }
    }

    private interface Inserter {
        void insert(Object fact);
    }

    private static final class PooledSession {
        final KieSession session;
        final FiredRules fired;
        final List<FactHandle> handles = new ArrayList<>();

        PooledSession(KieSession session) {
            this.session = session;
            this.fired = new FiredRules();
            session.addEventListener(fired);
        }
    }
}
