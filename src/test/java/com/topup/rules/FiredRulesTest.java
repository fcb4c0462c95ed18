package com.topup.rules;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class FiredRulesTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    @Test
    void aDecisionThatWaitedForACoreHasNotUsedItsCpuBudget() {
        FiredRules fired = new FiredRules();
        fired.startDecision(BUDGET_NANOS, Long.MAX_VALUE);
        // wall time passes, the thread's CPU does not: as when sixteen dispatch threads share two cores
        long until = System.nanoTime() + 4 * BUDGET_NANOS;
        while (System.nanoTime() < until) {
            LockSupport.parkNanos(until - System.nanoTime());
        }
        assertDoesNotThrow(fired::check);
    }

    @Test
    void aDecisionThatComputesPastItsCpuBudgetIsStopped() {
        FiredRules fired = new FiredRules();
        fired.startDecision(BUDGET_NANOS, Long.MAX_VALUE);
        long cpuFrom = THREADS.getCurrentThreadCpuTime();
        long sink = 0;
        RuleBudgetExceeded over = null;
        // the engine looks at the budgets between events, microseconds of work apart
        while (over == null && THREADS.getCurrentThreadCpuTime() - cpuFrom < 3 * BUDGET_NANOS) {
            for (int i = 0; i < 1_000; i++) {
                sink += i * 31L ^ sink;
            }
            try {
                fired.check();
            } catch (RuleBudgetExceeded e) {
                over = e;
            }
        }
        long used = THREADS.getCurrentThreadCpuTime() - cpuFrom;
        assertNotNull(over, "not stopped after " + used / 1_000_000 + " ms of CPU (spun " + sink + ")");
        assertEquals("cpu", over.budget());
        assertTrue(used >= BUDGET_NANOS - FiredRules.UNMETERED_NANOS && used < BUDGET_NANOS + 10 * FiredRules.UNMETERED_NANOS,
                "stopped after " + used / 1_000_000 + " ms of CPU");
    }

    @Test
    void aDecisionThatAllocatesPastItsBudgetIsStoppedOnceMetered() {
        FiredRules fired = new FiredRules();
        fired.startDecision(TimeUnit.SECONDS.toNanos(10), 1_000_000);
        byte[][] kept = new byte[64][];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = new byte[64 * 1024];
        }
        long until = System.nanoTime() + 2 * FiredRules.UNMETERED_NANOS;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        RuleBudgetExceeded over = assertThrows(RuleBudgetExceeded.class, fired::check, kept.length + " arrays");
        assertEquals("allocation", over.budget());
    }
}
