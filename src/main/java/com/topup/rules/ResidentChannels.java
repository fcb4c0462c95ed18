package com.topup.rules;

import com.topup.rules.RuleSetRuntime.PooledSession;
import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.OrderFact;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The routing sessions of one rule set version that keep channel facts between decisions, each holding one set of
 * channels (one kind of order as of the latest figures). Idle sessions are kept most recently used first; a decision
 * takes the one holding its channels, else a new one, else (at {@link #MAX_SETS}) the least recently used one, which
 * then loads the new channels.
 *
 * <p>Keeping channels resident is only right when every rule joins on the order: a rule over channels alone would
 * match once, when the channels are loaded, and not again for the next order. {@link #everyRuleJoinsTheOrder} checks
 * that on the compiled rules; the sandbox makes routing rules join on the order (see {@code DrlChecker}), and a
 * version where some rule does not still decides correctly, inserting every fact per decision.
 */
final class ResidentChannels {

    /** Channel sets (kinds of order) kept at most: a session with ten channels keeps a few tens of kilobytes. */
    static final int MAX_SETS = 64;

    private final ArrayDeque<PooledSession> idle = new ArrayDeque<>();
    private int alive;

    /** The idle session holding these channels, or the least recently used one, or null: make a new one. */
    synchronized PooledSession take(List<ChannelFact> channels) {
        for (Iterator<PooledSession> it = idle.iterator(); it.hasNext(); ) {
            PooledSession session = it.next();
            if (session.channels == channels) {
                it.remove();
                return session;
            }
        }
        for (Iterator<PooledSession> it = idle.iterator(); it.hasNext(); ) {
            PooledSession session = it.next();
            if (sameFigures(session.channels, channels)) {
                it.remove();
                return session;
            }
        }
        if (alive < MAX_SETS || idle.isEmpty()) {
            alive++;
            return null;
        }
        return idle.pollLast();
    }

    /** Back to the pool after a decision, or disposed when it may not be reused or the pool is over its size. */
    void giveBack(PooledSession session, boolean reusable) {
        synchronized (this) {
            if (reusable && alive <= MAX_SETS) {
                idle.offerFirst(session);
                return;
            }
            alive--;
        }
        session.session.dispose();
    }

    synchronized void disposeIdle() {
        PooledSession session;
        while ((session = idle.pollFirst()) != null) {
            alive--;
            session.session.dispose();
        }
    }

    /** Whether two channel lists have the same channels with the same figures, in the same order. */
    static boolean sameFigures(List<ChannelFact> a, List<ChannelFact> b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameFigures(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameFigures(ChannelFact a, ChannelFact b) {
        return a == b || a.getCode().equals(b.getCode())
                && Double.compare(a.getPredictedSuccess(), b.getPredictedSuccess()) == 0
                && Double.compare(a.getPredictionConfidence(), b.getPredictionConfidence()) == 0
                && Double.compare(a.getPredictionSampleSize(), b.getPredictionSampleSize()) == 0
                && a.getExpectedLatencyMillis() == b.getExpectedLatencyMillis()
                && a.getInFlight() == b.getInFlight()
                && a.getCapacity() == b.getCapacity()
                && Objects.equals(a.getCircuitState(), b.getCircuitState())
                && a.getRemainingDailyQuota() == b.getRemainingDailyQuota()
                && Double.compare(a.getSuccessRate(), b.getSuccessRate()) == 0
                && a.getLatencyP95Millis() == b.getLatencyP95Millis()
                && Double.compare(a.getCostRate(), b.getCostRate()) == 0
                && a.getCarriers().equals(b.getCarriers())
                && a.getProvinces().equals(b.getProvinces())
                && a.getFaceValues().equals(b.getFaceValues());
    }

    /**
     * Whether every rule of the base has, at the top of its conditions, a pattern over the order that the order's
     * insertion triggers (not passive, not {@code from} a collection), so that each rule is matched anew for each
     * order. Rules with no conditions, or that name the order only under not/exists/or, do not qualify.
     */
    static boolean everyRuleJoinsTheOrder(KieBase kieBase) {
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (!(rule instanceof RuleImpl impl) || !joinsTheOrder(impl.getLhs())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean joinsTheOrder(GroupElement lhs) {
        if (lhs == null || !lhs.isAnd()) {
            return false;
        }
        for (RuleConditionElement element : lhs.getChildren()) {
            if (element instanceof Pattern pattern && pattern.getSource() == null && !pattern.isPassive()
                    && pattern.getObjectType() instanceof ClassObjectType type && type.getClassType() == OrderFact.class) {
                return true;
            }
        }
        return false;
    }
}
