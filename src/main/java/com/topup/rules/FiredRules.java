package com.topup.rules;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Watches one session's decisions: records the rules that fired, remembers the one firing now, and halts
 * the session once the decision has used up its time budget (checked between firings).
 */
final class FiredRules extends DefaultAgendaEventListener {

    private final KieSession session;
    private final List<String> names = new ArrayList<>();
    private String current;
    private long deadline;
    private boolean overBudget;

    FiredRules(KieSession session) {
        this.session = session;
    }

    void startDecision(long budgetNanos) {
        names.clear();
        current = null;
        overBudget = false;
        deadline = System.nanoTime() + budgetNanos;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        current = event.getMatch().getRule().getName();
        if (System.nanoTime() > deadline) {
            overBudget = true;
            session.halt();
        }
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        names.add(current);
        current = null;
    }

    List<String> names() {
        return List.copyOf(names);
    }

    String current() {
        return current;
    }

    boolean overBudget() {
        return overBudget || System.nanoTime() > deadline;
    }
}
