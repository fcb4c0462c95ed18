package com.topup.rules;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Watches one session's decisions: records the rules that fired, remembers the one firing now, and halts
 * the session once the decision has used up its time budget (checked between firings). The budget is CPU time of
 * the deciding thread, looked at only once the wall clock has passed it: on a busy machine a decision can wait
 * for a core far longer than it computes, and that wait says nothing about the rules.
 */
final class FiredRules extends DefaultAgendaEventListener {

    private final KieSession session;
    private final List<String> names = new ArrayList<>();
    private String current;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long deadline;
    private long budgetNanos;
    private long cpuAtStart;
    private boolean overBudget;

    FiredRules(KieSession session) {
        this.session = session;
    }

    void startDecision(long budgetNanos) {
        names.clear();
        current = null;
        overBudget = false;
        this.budgetNanos = budgetNanos;
        cpuAtStart = THREADS.getCurrentThreadCpuTime();
        deadline = System.nanoTime() + budgetNanos;
    }

    private boolean spent() {
        return System.nanoTime() > deadline && THREADS.getCurrentThreadCpuTime() - cpuAtStart > budgetNanos;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        current = event.getMatch().getRule().getName();
        if (spent()) {
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
        return overBudget || spent();
    }
}
