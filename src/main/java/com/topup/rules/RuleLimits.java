package com.topup.rules;

/**
 * Runtime guards of one decision: at most this many rule firings, this much CPU time of the deciding thread and
 * this many bytes allocated by it. The budgets are checked inside the engine whenever a match is created and
 * before and after each firing; between two of those points rule work is bounded by the sandbox.
 */
public record RuleLimits(int maxFirings, long timeBudgetMillis, long allocationBudgetBytes) {

    /** Limits with the default allocation budget. */
    public RuleLimits(int maxFirings, long timeBudgetMillis) {
        this(maxFirings, timeBudgetMillis, 64L << 20);
    }
}
