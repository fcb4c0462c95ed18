package com.topup.rules;

import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.OrderFact;
import com.topup.rules.model.RouteDecision;
import com.topup.rules.model.RuleRandom;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * One compiled version of a rule set, ready to decide. Immutable: a new version is a new instance, swapped in
 * atomically by its holder, so a decision always finishes on the version it started with. Sessions come from
 * a pool and are reset after each decision, which is far cheaper than creating one per decision.
 */
public final class RuleSetRuntime implements AutoCloseable {

    private final String ruleSet;
    private final Integer version;
    private final KieBase kieBase;
    private final KieSessionsPool sessions;
    private final RuleLimits limits;
    private final ScheduledExecutorService watchdog;

    public RuleSetRuntime(String ruleSet, Integer version, KieBase kieBase, RuleLimits limits, int poolSize,
                          ScheduledExecutorService watchdog) {
        this.ruleSet = ruleSet;
        this.version = version;
        this.kieBase = kieBase;
        this.sessions = kieBase.newKieSessionsPool(poolSize);
        this.limits = limits;
        this.watchdog = watchdog;
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
            session.setGlobal("random", random);
            session.insert(order);
            channels.forEach(session::insert);
            session.insert(decision);
        });
        return new RouteOutcome(decision.getRanked(), decision.getExcluded(), fired, version);
    }

    private List<String> run(java.util.function.Consumer<KieSession> facts) {
        KieSession session = sessions.newKieSession();
        FiredRules fired = new FiredRules();
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            timedOut.set(true);
            session.halt();
        }, limits.timeBudgetMillis(), TimeUnit.MILLISECONDS);
        session.addEventListener(fired);
        try {
            facts.accept(session);
            int count = session.fireAllRules(limits.maxFirings());
            if (timedOut.get()) {
                throw new RuleGuardViolation(ruleSet + " v" + version + " exceeded its time budget of "
                        + limits.timeBudgetMillis() + " ms", fired.current(), null);
            }
            if (count >= limits.maxFirings()) {
                throw new RuleGuardViolation(ruleSet + " v" + version + " reached the limit of " + limits.maxFirings()
                        + " rule firings", fired.current(), null);
            }
            return fired.names();
        } catch (RuleGuardViolation e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RuleGuardViolation(ruleSet + " v" + version + ": a rule consequence failed: " + e.getMessage(),
                    fired.current(), e);
        } finally {
            alarm.cancel(false);
            session.removeEventListener(fired);
            session.dispose();
        }
    }

    @Override
    public void close() {
        sessions.shutdown();
    }

    KieBase kieBase() {
        return kieBase;
    }
}
