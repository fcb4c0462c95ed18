package com.topup.rules.sandbox.expr;

/** A fragment uses syntax outside the rule language; {@code offset} is into the fragment's text. */
public final class SyntaxError extends RuntimeException {

    private final int offset;

    public SyntaxError(int offset, String message) {
        super(message, null, false, false);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
