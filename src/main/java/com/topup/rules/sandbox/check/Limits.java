package com.topup.rules.sandbox.check;

/** The bounds rules are held to by construction. docs/rules.md states the same numbers. */
public final class Limits {

    /** Longest rule text, in characters. */
    public static final int MAX_TEXT = 512_000;
    /** Most rules in one text. */
    public static final int MAX_RULES = 1_000;
    /**
     * Most patterns over facts with many instances per decision (channels) or over collections ({@code from}) in one
     * rule, counting those inside not, exists, forall and accumulate: the work of matching a rule grows with the
     * product of those sets.
     */
    public static final int MAX_MANY_PATTERNS = 3;
    /** Longest text a rule's expression may build. */
    public static final int MAX_TEXT_VALUE = 4_096;
    /** What the checker assumes of a text value read from a fact. */
    public static final int FACT_TEXT = 256;
    /** What the checker assumes of a number or an object turned into text. */
    public static final int VALUE_TEXT = 64;
    /** Longest regular expression. */
    public static final int MAX_REGEX = 256;
    /** Largest counted repetition {@code {n,m}} in a regular expression. */
    public static final int MAX_REPEAT = 100;

    private Limits() {
    }
}
