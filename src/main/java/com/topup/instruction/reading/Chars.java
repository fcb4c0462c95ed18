package com.topup.instruction.reading;

/** Character classes of instruction text: half- and full-width digits, joiners inside numbers, word matching. */
final class Chars {

    private Chars() {
    }

    /** The value of an ASCII or full-width digit, or -1. */
    static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '\uFF10' && c <= '\uFF19') {
            return c - '\uFF10';
        }
        return -1;
    }

    static boolean isDigit(CharSequence text, int i) {
        return i >= 0 && i < text.length() && digit(text.charAt(i)) >= 0;
    }

    /** One character that may stand between the digit groups of a phone number: spaces and dashes of every width. */
    static boolean isJoiner(char c) {
        return switch (c) {
            case ' ', '\t', '\u00A0', '\u3000', '-', '\uFF0D', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014',
                    '\u2212' -> true;
            default -> false;
        };
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u3000';
    }

    static boolean isPlus(char c) {
        return c == '+' || c == '\uFF0B';
    }

    static boolean isOpenParen(char c) {
        return c == '(' || c == '\uFF08';
    }

    static boolean isCloseParen(char c) {
        return c == ')' || c == '\uFF09';
    }

    static boolean isDecimalPoint(char c) {
        return c == '.' || c == '\uFF0E';
    }

    /** Full-width ASCII folded to ASCII, ASCII letters to lower case. */
    static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            c = (char) (c - 0xFEE0);
        }
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** A Latin letter, half- or full-width. */
    static boolean isLatinLetter(CharSequence text, int i) {
        if (i < 0 || i >= text.length()) {
            return false;
        }
        char c = fold(text.charAt(i));
        return c >= 'a' && c <= 'z';
    }

    /** Whether {@code word} (lower case) is written at {@code at}; Latin words must not continue into letters. */
    static boolean wordAt(CharSequence text, int at, String word) {
        int end = at + word.length();
        if (at < 0 || end > text.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (fold(text.charAt(at + i)) != word.charAt(i)) {
                return false;
            }
        }
        boolean latin = word.charAt(0) >= 'a' && word.charAt(0) <= 'z';
        boolean latinEnd = word.charAt(word.length() - 1) >= 'a' && word.charAt(word.length() - 1) <= 'z';
        return (!latin || !isLatinLetter(text, at - 1)) && (!latinEnd || !isLatinLetter(text, end));
    }

    /** The first of {@code words} written at {@code at}, or null. */
    static String firstWordAt(CharSequence text, int at, String... words) {
        for (String word : words) {
            if (wordAt(text, at, word)) {
                return word;
            }
        }
        return null;
    }

    /** Whether one of {@code words} ends exactly at {@code end}; returns its start, or -1. */
    static int wordEndingAt(CharSequence text, int end, String... words) {
        for (String word : words) {
            int at = end - word.length();
            if (wordAt(text, at, word)) {
                return at;
            }
        }
        return -1;
    }

    /** The index after any spaces from {@code i}. */
    static int skipSpaces(CharSequence text, int i) {
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index just after the last non-space before {@code end}. */
    static int skipSpacesBack(CharSequence text, int end) {
        while (end > 0 && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
