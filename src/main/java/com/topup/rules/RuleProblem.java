package com.topup.rules;

/** An error in DRL text: 1-based line and column (0 when the engine gives none) and a message. */
public record RuleProblem(int line, int column, String message) {
}
