package com.topup.rules;

/** A decision broke a runtime guard (too many firings, too slow, or a consequence threw). */
public class RuleGuardViolation extends RuntimeException {

    private final String rule;

    public RuleGuardViolation(String message, String rule, Throwable cause) {
        super(message, cause, false, false);
        this.rule = rule;
    }

    /** The rule that was firing when the guard tripped, when known. */
    public String rule() {
        return rule;
    }
}
