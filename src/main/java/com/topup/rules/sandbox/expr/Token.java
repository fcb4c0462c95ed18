package com.topup.rules.sandbox.expr;

/** One token of a rule expression or consequence; offsets are into the fragment's text. */
public record Token(Kind kind, String text, int start, int end) {

    public enum Kind { IDENT, INT, LONG, DOUBLE, STRING, CHAR, OP, EOF }

    public boolean is(Kind k, String s) {
        return kind == k && text.equals(s);
    }

    public boolean isOp(String s) {
        return kind == Kind.OP && text.equals(s);
    }

    public boolean isIdent(String s) {
        return kind == Kind.IDENT && text.equals(s);
    }
}
