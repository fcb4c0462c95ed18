package com.topup.rules.sandbox;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a rule's {@code matches} runs on: RE2 (through RE2/J), whose matching time grows linearly with the text, so no
 * pattern can backtrack for minutes. The sandbox compiles {@code x matches "p"} into a call of {@link #matches}; rule
 * authors never name this class. Patterns are literals checked at validation, so the cache holds at most the patterns
 * of the active rule texts.
 */
public final class LinearRegex {

    private static final int MAX_CACHED = 4_096;
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private LinearRegex() {
    }

    /** Whether the whole text matches the pattern; a null text matches nothing. */
    public static boolean matches(Object text, String pattern) {
        if (text == null) {
            return false;
        }
        return compiled(pattern).matches(String.valueOf(text));
    }

    /** The syntax problem of a pattern, or null when RE2 accepts it. */
    public static String problemOf(String pattern) {
        try {
            Pattern.compile(pattern);
            return null;
        } catch (PatternSyntaxException e) {
            return e.getDescription() + (e.getPattern() == null ? "" : " in " + e.getPattern());
        }
    }

    private static Pattern compiled(String pattern) {
        Pattern found = PATTERNS.get(pattern);
        if (found == null) {
            found = Pattern.compile(pattern);
            if (PATTERNS.size() < MAX_CACHED) {
                PATTERNS.put(pattern, found);
            }
        }
        return found;
    }
}
