package com.topup.rules.sandbox;

import java.util.Objects;

/**
 * One reason why a DRL text is refused.
 *
 * @param line    1-based line in the DRL text as written; 0 when the engine names no position
 * @param column  1-based column in that line, counted in UTF-16 chars (a tab counts as one); 0 when unknown
 * @param message what is wrong, written for the rule author
 */
public record DrlProblem(int line, int column, String message) {

    public DrlProblem {
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
        if (column < 0) {
            throw new IllegalArgumentException("column must be >= 0: " + column);
        }
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return line + ":" + column + " " + message;
    }
}
