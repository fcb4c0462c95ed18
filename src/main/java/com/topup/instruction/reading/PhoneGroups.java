package com.topup.instruction.reading;

import java.util.List;
import java.util.function.Consumer;

/**
 * Splits a {@link NumberRun} into phone numbers, long numbers that are no mobile number, and short numbers
 * (amount candidates, handed to {@code shortNumber}). Spaces join groups only as far as they make one mobile
 * number: {@code 13800138000 100} is a number and 100.
 */
final class PhoneGroups {

    private static final int NATIONAL_LENGTH = 11;
    /** A group this long is a number of its own, never an amount. */
    static final int LONG_NUMBER = 7;
    /** Digit groups of a phone number written in parts have 3 or more digits (138 0013 8000, 1380 0138 000). */
    private static final int MIN_GROUP = 3;

    private PhoneGroups() {
    }

    /** A short group: digits {@code [start, end)}, with decimals up to {@code fractionEnd} when it is the last one. */
    record ShortGroup(int start, int end, int fractionEnd) {
    }

    static void split(CharSequence text, NumberRun run, Consumer<Token> tokens, Consumer<ShortGroup> shortNumber) {
        List<int[]> groups = run.groups();
        int n = groups.size();
        int k = 0;
        if (run.plus() && !NumberRun.digits(text, groups.get(0)[0], groups.get(0)[1]).startsWith("86")
                && !NumberRun.digits(text, groups.get(0)[0], groups.get(0)[1]).startsWith("0086")) {
            foreign(text, run, tokens);
            return;
        }
        while (k < n) {
            int last = mobileEndingGroup(text, run, k);
            int startOf = k == 0 ? run.start() : groups.get(k)[0];
            if (last >= 0) {
                tokens.accept(Token.phone(new Span(startOf, groups.get(last)[1]),
                        national(text, run, k, last)));
                k = last + 1;
                continue;
            }
            if (phoneShaped(text, groups, k) || (k == 0 && run.plus())) {
                tokens.accept(Token.notMobile(new Span(startOf, groups.get(n - 1)[1])));
                return;
            }
            int[] group = groups.get(k);
            if (group[1] - group[0] >= LONG_NUMBER) {
                tokens.accept(Token.notMobile(new Span(group[0], group[1])));
            } else {
                shortNumber.accept(new ShortGroup(group[0], group[1], k == n - 1 ? run.fractionEnd() : -1));
            }
            k++;
        }
    }

    /** The last group of a mobile number starting at group k (country code allowed at its front), or -1. */
    private static int mobileEndingGroup(CharSequence text, NumberRun run, int k) {
        int prefix = countryCodeLength(text, run, k);
        if (prefix > 0) {
            int last = completes(text, run.groups(), k, prefix);
            if (last >= 0) {
                return last;
            }
        }
        return completes(text, run.groups(), k, 0);
    }

    private static int countryCodeLength(CharSequence text, NumberRun run, int k) {
        int[] group = run.groups().get(k);
        String digits = NumberRun.digits(text, group[0], group[1]);
        if (digits.startsWith("0086")) {
            return 4;
        }
        boolean more = k + 1 < run.groups().size();
        if (digits.startsWith("86") && ((k == 0 && run.plus()) || digits.length() == 2 && more
                || digits.length() == NATIONAL_LENGTH + 2)) {
            return 2;
        }
        return 0;
    }

    /** Whether groups k.. (after skipping {@code skip} digits) add up to exactly 11 digits starting with 1. */
    private static int completes(CharSequence text, List<int[]> groups, int k, int skip) {
        int length = 0;
        for (int m = k; m < groups.size(); m++) {
            int[] group = groups.get(m);
            int from = m == k ? group[0] + skip : group[0];
            if (from < group[1] && group[1] - from < MIN_GROUP) {
                return -1;
            }
            if (length == 0 && from < group[1] && Chars.digit(text.charAt(from)) != 1) {
                return -1;
            }
            length += group[1] - from;
            if (length == NATIONAL_LENGTH) {
                return m;
            }
            if (length > NATIONAL_LENGTH) {
                return -1;
            }
        }
        return -1;
    }

    private static String national(CharSequence text, NumberRun run, int k, int last) {
        StringBuilder digits = new StringBuilder(16);
        for (int m = k; m <= last; m++) {
            digits.append(NumberRun.digits(text, run.groups().get(m)[0], run.groups().get(m)[1]));
        }
        return digits.substring(digits.length() - NATIONAL_LENGTH);
    }

    /** Three or more groups of 3 or 4 digits: written as a phone number, whatever its length. */
    private static boolean phoneShaped(CharSequence text, List<int[]> groups, int k) {
        if (groups.size() - k < 3) {
            return false;
        }
        for (int m = k; m < groups.size(); m++) {
            int length = groups.get(m)[1] - groups.get(m)[0];
            if (length < 3 || length > 4) {
                return false;
            }
        }
        return true;
    }

    private static void foreign(CharSequence text, NumberRun run, Consumer<Token> tokens) {
        StringBuilder digits = new StringBuilder("+");
        for (int[] group : run.groups()) {
            digits.append(NumberRun.digits(text, group[0], group[1]));
        }
        Span span = new Span(run.start(), run.groups().get(run.groups().size() - 1)[1]);
        int length = digits.length() - 1;
        tokens.accept(length >= LONG_NUMBER && length <= 15 ? Token.phone(span, digits.toString()) : Token.notMobile(span));
    }
}
