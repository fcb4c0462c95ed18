package com.topup.instruction.model;

import java.util.List;
import java.util.Locale;

/**
 * Reads the phone number out of the characters the model quoted: ASCII, full-width and Chinese digits, English digit
 * words ("one three eight …", "double eight"), with spaces, dashes and brackets between them. The model's own idea
 * of the number is never used.
 */
final class QuotedNumbers {

    private static final String CHINESE_DIGITS = "零一二三四五六七八九";
    private static final List<String> ENGLISH_DIGITS =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

    private QuotedNumbers() {
    }

    /** 11 national digits of a Chinese number, {@code +} and the digits of a foreign one; null if it is none. */
    static String phone(String quoted) {
        StringBuilder digits = new StringBuilder();
        boolean plus = false;
        int repeat = 1;
        for (int i = 0; i < quoted.length(); ) {
            char c = quoted.charAt(i);
            if (Character.isLetter(c) && c < 0x80) {
                int end = i;
                while (end < quoted.length() && Character.isLetter(quoted.charAt(end)) && quoted.charAt(end) < 0x80) {
                    end++;
                }
                String word = quoted.substring(i, end).toLowerCase(Locale.ROOT);
                i = end;
                if (word.equals("double") || word.equals("triple")) {
                    repeat = word.equals("double") ? 2 : 3;
                    continue;
                }
                int digit = word.equals("oh") || word.equals("o") ? 0 : ENGLISH_DIGITS.indexOf(word);
                if (digit < 0) {
                    return null;
                }
                digits.append(String.valueOf((char) ('0' + digit)).repeat(repeat));
                repeat = 1;
                continue;
            }
            int digit = digit(c);
            if (digit >= 0) {
                digits.append(String.valueOf((char) ('0' + digit)).repeat(repeat));
                repeat = 1;
            } else if (c == '+' || c == '＋') {
                if (digits.length() > 0) {
                    return null;
                }
                plus = true;
            } else if (!isSeparator(c)) {
                return null;
            }
            i++;
        }
        return normalised(digits.toString(), plus);
    }

    private static String normalised(String number, boolean plus) {
        if (plus || number.startsWith("00")) {
            String international = plus ? number : number.substring(2);
            if (international.startsWith("86") && international.length() == 13) {
                return international.substring(2);
            }
            return international.length() >= 7 && international.length() <= 15 ? "+" + international : null;
        }
        if (number.startsWith("86") && number.length() == 13) {
            return number.substring(2);
        }
        return number.length() == 11 ? number : null;
    }

    static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '０' && c <= '９') {
            return c - '０';
        }
        if (c == '〇' || c == '○') {
            return 0;
        }
        if (c == '幺') {
            return 1;
        }
        return CHINESE_DIGITS.indexOf(c);
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\u3000' || c == '-' || c == '－' || c == '(' || c == ')' || c == '（' || c == '）'
                || c == '.' || c == ',' || c == '\u00a0';
    }
}
