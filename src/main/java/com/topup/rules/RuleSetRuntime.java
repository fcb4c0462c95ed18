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
 *
 * <p>Routing keeps channel facts resident: when every rule of the version joins on the order (see
 * {@link ResidentChannels}), each pooled session holds one set of channel facts (one kind of order: carrier,
 * province, face-value band, as of the latest figures) and a decision inserts only the order, fires and deletes the
 * order again. A decision on channels no idle session holds loads them into a new session, or into the least
 * recently used one once {@link ResidentChannels#MAX_SETS} are pooled. The outcome is the same as inserting
 * everything per decision.
 */
public final class RuleSetRuntime implements AutoCloseable {

    private final String ruleSet;
    private final Integer version;
    private final KieBase kieBase;
    private final RuleLimits limits;
    private final Set<String> declaredGlobals;
    private final ConcurrentLinkedDeque<PooledSession> idle = new ConcurrentLinkedDeque<>();
    private final ResidentChannels resident;
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
        this.resident = RuleSets.ROUTING.equals(ruleSet) && ResidentChannels.everyRuleJoinsTheOrder(kieBase)
                ? new ResidentChannels() : null;
    }

    /** Whether decisions keep channel facts resident in pooled sessions (see the class comment). */
    public boolean keepsChannelsResident() {
        return resident != null;
    }

    public String ruleSet() {
        return ruleSet;
    }

    public Integer version() {
        return version;
    }

    public RouteOutcome route(OrderFact order, List<ChannelFact> channels, RuleRandom random) {
        RouteDecision decision = new RouteDecision();
        Consumer<KieSession> globals = session -> {
            setGlobal(session, "decision", decision);
            setGlobal(session, "random", random);
        };
        List<String> fired = resident != null
                ? run(channels, globals, facts -> facts.insert(order))
                : run(null, globals, facts -> {
                    facts.insert(order);
                    channels.forEach(facts::insert);
                });
        return new RouteOutcome(decision.getRanked(), decision.getExcluded(), fired, version);
    }

    public FallbackOutcome fallback(OrderFact order, FailureFact failure, List<ChannelFact> remainingChannels) {
        FallbackDecision decision = new FallbackDecision();
        List<String> fired = run(null, session -> setGlobal(session, "decision", decision), facts -> {
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
        List<String> fired = run(null, session -> setGlobal(session, "decision", decision), facts -> {
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

    /**
     * One decision on a pooled session: {@code channels} (null when nothing stays resident) are loaded unless the
     * session holds them already, {@code facts} are inserted for this decision only.
     */
    private List<String> run(List<ChannelFact> channels, Consumer<KieSession> globals, Consumer<Inserter> facts) {
        PooledSession pooled = channels == null ? idle.pollFirst() : resident.take(channels);
        if (pooled == null) {
            pooled = new PooledSession(kieBase.newKieSession());
        }
        KieSession session = pooled.session;
        List<FactHandle> handles = pooled.handles;
        boolean reusable = false;
        long budgetMillis = warm ? limits.timeBudgetMillis() : WarmUpFacts.BUDGET_MILLIS;
        pooled.fired.startDecision(TimeUnit.MILLISECONDS.toNanos(budgetMillis), limits.allocationBudgetBytes());
        try {
            if (channels != null) {
                pooled.hold(channels);
            }
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
            reusable = session.getFactCount() == pooled.residentHandles.size();
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
            if (channels != null) {
                resident.giveBack(pooled, reusable && !closed);
            } else if (reusable && !closed) {
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
        if (resident != null) {
            resident.disposeIdle();
        }
    }

    private interface Inserter {
        void insert(Object fact);
    }

    static final class PooledSession {
        final KieSession session;
        final FiredRules fired;
        /** This decision's facts, deleted after it. */
        final List<FactHandle> handles = new ArrayList<>();
        /** The channel facts that stay in the session between decisions, in the order of {@link #channels}. */
        final List<FactHandle> residentHandles = new ArrayList<>();
        List<ChannelFact> channels;

        PooledSession(KieSession session) {
            this.session = session;
            this.fired = new FiredRules();
            session.addEventListener(fired);
        }

        /**
         * Makes the session hold exactly these channel facts, in this order (the order rules see them in, as if they
         * were inserted for this decision). Nothing fires here: the engine evaluates at the decision's fire.
         */
        void hold(List<ChannelFact> next) {
            if (channels == next || ResidentChannels.sameFigures(channels, next)) {
                return;
            }
            channels = null;
            residentHandles.forEach(session::delete);
            residentHandles.clear();
            for (ChannelFact channel : next) {
                residentHandles.add(session.insert(channel));
            }
            channels = next;
        }
    }
}
