package com.topup.rules;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.MatchCreatedEvent;

/**
 * Watches one session's decisions: records the rules that fired, remembers the one firing (or being matched) now,
 * and stops the decision from inside the engine once it has used up its CPU or allocation budget, by throwing
 * {@link RuleBudgetExceeded} at engine events (matches created, rules about to fire or just fired). The CPU budget
 * counts the deciding thread's CPU time, looked at only once the wall clock has passed it: on a busy machine a
 * decision can wait for a core far longer than it computes, and that wait says nothing about the rules.
 */
final class FiredRules extends DefaultAgendaEventListener {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** {@link #cpuAtStart} before the decision's first look at its CPU time. */
    private static final long NOT_READ = Long.MIN_VALUE;

    private final List<String> names = new ArrayList<>();
    private String current;

    private long deadline;
    private long budgetNanos;
    /** The thread's CPU time taken as the decision's start; read at the first look past the unmetered time. */
    private long cpuAtStart;
    private long allocationLimit;
    private long allocatedAtStart;
    private long meterFrom;
    private int events;

    /** How long a decision runs before its CPU time and allocation are read (see {@link #check()}). */
    static final long UNMETERED_NANOS = 1_000_000;

    /**
     * Engine events between two looks at the budgets: reading the clock at every event took a tenth of a decision,
     * and an event is microseconds of work, so a budget is still caught within a few microseconds of running out.
     */
    static final int EVENTS_PER_CHECK = 8;

    void startDecision(long budgetNanos, long allocationBudgetBytes) {
        names.clear();
        current = null;
        this.budgetNanos = budgetNanos;
        this.allocationLimit = allocationBudgetBytes;
        long now = System.nanoTime();
        events = 0;
        meterFrom = now + UNMETERED_NANOS;
        deadline = now + budgetNanos;
        cpuAtStart = NOT_READ;
        allocatedAtStart = THREADS.getCurrentThreadAllocatedBytes();
    }

    /**
     * Throws when a budget is used up. Both are read at events only once the decision has run for
     * {@link #UNMETERED_NANOS}: most decisions end well before, and reading the thread's CPU time and allocation at
     * every event cost more than the decision itself (reading the CPU time once per decision still took a seventh of
     * it). Until then neither budget can be reached (rules create no arrays or collections and build text of bounded
     * length, so a millisecond allocates a few megabytes at most, against a budget of tens). Allocation counts from
     * the decision's start. CPU counts from the first look past that millisecond, which is charged as if the thread
     * had computed all of it (the look before came within it, and an event is microseconds of work). Only the
     * thread's own CPU counts: a decision that waited for a core on a busy machine has not used its budget.
     */
    void check() {
        long now = System.nanoTime();
        if (now < meterFrom) {
            return;
        }
        if (THREADS.getCurrentThreadAllocatedBytes() - allocatedAtStart > allocationLimit) {
            throw new RuleBudgetExceeded("allocation", allocationLimit);
        }
        if (cpuAtStart == NOT_READ) {
            cpuAtStart = THREADS.getCurrentThreadCpuTime() - UNMETERED_NANOS;
        }
        if (now > deadline && THREADS.getCurrentThreadCpuTime() - cpuAtStart > budgetNanos) {
            throw new RuleBudgetExceeded("cpu", budgetNanos / 1_000_000);
        }
    }

    @Override
    public void matchCreated(MatchCreatedEvent event) {
        if (current == null) {
            current = event.getMatch().getRule().getName();
        }
        onEvent();
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        current = event.getMatch().getRule().getName();
        onEvent();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        names.add(current);
        onEvent();
        current = null;
    }

    private void onEvent() {
        if (++events % EVENTS_PER_CHECK == 0) {
            check();
        }
    }

    List<String> names() {
        return List.copyOf(names);
    }

    String current() {
        return current;
    }
}
