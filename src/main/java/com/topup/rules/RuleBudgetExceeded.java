package com.topup.rules;

/**
 * Thrown by the decision's guard from inside the engine (when a match is created, before and after a rule fires)
 * once the decision has used up its CPU or allocation budget: the decision stops there, its session is discarded.
 */
final class RuleBudgetExceeded extends RuntimeException {

    private final String budget;
    private final long limit;

    RuleBudgetExceeded(String budget, long limit) {
        super(budget + " budget of " + limit + " exceeded", null, false, false);
        this.budget = budget;
        this.limit = limit;
    }

    String budget() {
        return budget;
    }

    long limit() {
        return limit;
    }
}
