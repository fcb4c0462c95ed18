package com.topup.instruction.reading;

import java.util.ArrayList;
import java.util.List;

/**
 * Digits as written in an instruction: groups of digits joined by single spaces or dashes, optionally after a
 * {@code +} or a parenthesised country code ({@code (+86) 138 0013 8000}), the last group optionally with decimals.
 *
 * @param start where the run starts, its {@code +} or parenthesis included
 * @param groups the digit groups, each {@code [start, end)} of digits only
 * @param plus whether a {@code +} came first
 * @param fractionEnd the end of the last group's decimals ({@code .5}), or -1
 */
record NumberRun(int start, List<int[]> groups, boolean plus, int fractionEnd) {

    /** Where the run ends. */
    int end() {
        return fractionEnd >= 0 ? fractionEnd : groups.get(groups.size() - 1)[1];
    }

    /** Reads the run starting at {@code at}, or null when no digit follows the {@code +} or parenthesis there. */
    static NumberRun scan(CharSequence text, int at) {
        int i = at;
        boolean paren = Chars.isOpenParen(text.charAt(i));
        if (paren) {
            i++;
        }
        boolean plus = i < text.length() && Chars.isPlus(text.charAt(i));
        if (plus) {
            i++;
        }
        if (!Chars.isDigit(text, i)) {
            return null;
        }
        List<int[]> groups = new ArrayList<>(4);
        while (true) {
            int groupStart = i;
            while (Chars.isDigit(text, i)) {
                i++;
            }
            groups.add(new int[] {groupStart, i});
            if (paren) {
                // only a country code stands in parentheses; anything else is not part of the number
                if (i < text.length() && Chars.isCloseParen(text.charAt(i)) && isCountryCode(text, groupStart, i)) {
                    paren = false;
                    i++;
                    if (i < text.length() && Chars.isJoiner(text.charAt(i)) && Chars.isDigit(text, i + 1)) {
                        i++;
                    }
                    if (Chars.isDigit(text, i)) {
                        continue;
                    }
                    return new NumberRun(at, groups, true, -1);
                }
                return plus ? null : scan(text, at + 1);
            }
            if (i + 1 < text.length() && Chars.isJoiner(text.charAt(i)) && Chars.isDigit(text, i + 1)) {
                i++;
                continue;
            }
            break;
        }
        int fractionEnd = -1;
        if (i + 1 < text.length() && Chars.isDecimalPoint(text.charAt(i)) && Chars.isDigit(text, i + 1)) {
            fractionEnd = i + 1;
            while (Chars.isDigit(text, fractionEnd)) {
                fractionEnd++;
            }
        }
        return new NumberRun(at, groups, plus, fractionEnd);
    }

    private static boolean isCountryCode(CharSequence text, int start, int end) {
        String digits = digits(text, start, end);
        return digits.equals("86") || digits.equals("0086");
    }

    /** The ASCII digits of {@code text[start, end)} (full-width ones folded). */
    static String digits(CharSequence text, int start, int end) {
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            int d = Chars.digit(text.charAt(i));
            if (d >= 0) {
                out.append((char) ('0' + d));
            }
        }
        return out.toString();
    }
}
