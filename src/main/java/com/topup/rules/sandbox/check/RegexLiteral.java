package com.topup.rules.sandbox.check;

import com.topup.rules.sandbox.LinearRegex;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patterns {@code matches} accepts: literals of RE2 syntax (no back-references, no look-around), at most
 * {@link Limits#MAX_REGEX} characters, counted repetitions up to {@link Limits#MAX_REPEAT} and at most two of them.
 * They run on RE2, whose time is linear in the text matched.
 */
final class RegexLiteral {

    private static final Pattern COUNTED = Pattern.compile("\\{(\\d+)(?:,(\\d*))?}");

    private RegexLiteral() {
    }

    static String problemOf(String pattern) {
        if (pattern.length() > Limits.MAX_REGEX) {
            return "regular expressions are limited to " + Limits.MAX_REGEX + " characters";
        }
        String syntax = LinearRegex.problemOf(pattern);
        if (syntax != null) {
            return "not a regular expression rules accept (RE2 syntax: no back-references or look-around): " + syntax;
        }
        Matcher m = COUNTED.matcher(pattern);
        int counted = 0;
        while (m.find()) {
            counted++;
            for (int g = 1; g <= 2; g++) {
                String n = m.group(g);
                if (n != null && !n.isEmpty() && (n.length() > 4 || Integer.parseInt(n) > Limits.MAX_REPEAT)) {
                    return "counted repetitions in regular expressions go up to {" + Limits.MAX_REPEAT + "}";
                }
            }
        }
        if (counted > 2) {
            return "a regular expression may have at most two counted repetitions";
        }
        return nestedRepetition(pattern);
    }

    /**
     * Refuses a repeated group that itself repeats or has alternatives ({@code (a+)+}, {@code (a|aa)*}): the patterns
     * that backtrack for ages on other engines. RE2 would run them in linear time; they are refused anyway, so a
     * rule text never carries one to an engine that would not.
     */
    private static String nestedRepetition(String pattern) {
        java.util.ArrayDeque<boolean[]> groups = new java.util.ArrayDeque<>();
        boolean[] top = new boolean[1];
        boolean lastClosedHadRepetition = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            boolean quantifier = c == '*' || c == '+' || c == '?' || c == '{';
            if (c == '\\') {
                i++;
                lastClosedHadRepetition = false;
                continue;
            }
            if (c == '[') {
                int close = i + 1;
                if (close < pattern.length() && pattern.charAt(close) == '^') {
                    close++;
                }
                if (close < pattern.length() && pattern.charAt(close) == ']') {
                    close++;
                }
                while (close < pattern.length() && pattern.charAt(close) != ']') {
                    if (pattern.charAt(close) == '\\') {
                        close++;
                    }
                    close++;
                }
                i = close;
                lastClosedHadRepetition = false;
                continue;
            }
            if (c == '(') {
                groups.push(new boolean[1]);
                lastClosedHadRepetition = false;
            } else if (c == ')') {
                boolean[] inner = groups.isEmpty() ? top : groups.pop();
                lastClosedHadRepetition = inner[0];
                boolean[] outer = groups.isEmpty() ? top : groups.peek();
                outer[0] |= inner[0];
                continue;
            } else if (c == '|') {
                (groups.isEmpty() ? top : groups.peek())[0] = true;
                lastClosedHadRepetition = false;
            } else if (quantifier) {
                if (lastClosedHadRepetition && c != '?') {
                    return "a repeated group may not itself contain repetition or alternatives, e.g. (a+)+ or (a|b)*: "
                            + "write the repetition once";
                }
                (groups.isEmpty() ? top : groups.peek())[0] = true;
                lastClosedHadRepetition = false;
            } else {
                lastClosedHadRepetition = false;
            }
        }
        return null;
    }
}
