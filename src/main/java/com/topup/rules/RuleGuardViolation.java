package com.topup.rules;

/**
 * A decision broke a runtime guard: its CPU or allocation budget ({@code budget} "cpu" or "allocation", with the
 * limit in milliseconds or bytes), the firing limit ("firings"), or a consequence threw ("exception").
 */
public class RuleGuardViolation extends RuntimeException {

    private final String rule;
    private final String budget;
    private final long limit;

    public RuleGuardViolation(String message, String rule, Throwable cause) {
        this(message, rule, "exception", 0, cause);
    }

    public RuleGuardViolation(String message, String rule, String budget, long limit, Throwable cause) {
        super(message, cause, false, false);
        this.rule = rule;
        this.budget = budget;
        this.limit = limit;
    }

    /** The rule that was firing (or being matched) when the guard tripped, when known. */
    public String rule() {
        return rule;
    }

    /** Which guard: cpu, allocation, firings or exception. */
    public String budget() {
        return budget;
    }

    /** The limit of that guard: milliseconds of CPU, bytes, or firings; 0 for an exception. */
    public long limit() {
        return limit;
    }

    /** Whether a CPU or allocation budget stopped the decision. */
    public boolean budgetExceeded() {
        return "cpu".equals(budget) || "allocation".equals(budget);
    }
}
