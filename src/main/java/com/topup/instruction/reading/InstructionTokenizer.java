package com.topup.instruction.reading;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an instruction's text into {@link Token}s in text order: phone numbers, long numbers that are no mobile
 * number, amounts (digits or Chinese numerals with their unit or currency), the words 各/each and 分别/respectively,
 * and clause-ending punctuation. Everything else is filler. One pass; linear in the text's length.
 */
final class InstructionTokenizer {

    /** A bare number (no unit, no currency) longer than this is not read as an amount. */
    private static final int BARE_AMOUNT_DIGITS = 5;
    /** A number with a unit longer than this (before decimals) is not read as an amount. */
    private static final int MARKED_AMOUNT_DIGITS = 9;

    static final String[] EACH = {"每一个", "每个号码", "每个号", "每个", "每人", "每位", "每号", "各自", "各", "都", "均",
            "each", "apiece", "both", "every", "per number", "per phone", "per line"};
    static final String[] NOT_EACH = {"各位", "各种", "各地", "每个月", "每月", "每天", "都是", "都行", "都可以"};
    static final String[] RESPECTIVELY = {"分别", "依次", "respectively", "in that order", "in order", "in turn"};
    private static final String BREAKS = "，,。；;！!？?\n\r.．";
    /** The first characters of the words above: any other character is skipped without trying each word. */
    private static final String WORD_STARTS = firstCharacters(EACH, NOT_EACH, RESPECTIVELY);

    private InstructionTokenizer() {
    }

    static List<Token> tokens(CharSequence text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Chars.digit(c) >= 0 || Chars.isPlus(c) || Chars.isOpenParen(c)) {
                NumberRun run = NumberRun.scan(text, i);
                if (run != null) {
                    int[] end = {run.end()};
                    PhoneGroups.split(text, run, tokens::add, group -> {
                        int amountEnd = digitAmount(text, group, tokens);
                        end[0] = Math.max(end[0], amountEnd);
                    });
                    i = end[0];
                    continue;
                }
            } else if (ChineseNumerals.isNumeral(c)) {
                i = chineseNumber(text, i, tokens);
                continue;
            } else {
                int after = word(text, i, tokens);
                if (after > i) {
                    i = after;
                    continue;
                }
            }
            i++;
        }
        return tokens;
    }

    /** Reads a short digit group (with decimals, a Chinese multiplier, a unit) as an amount; returns where it ends. */
    private static int digitAmount(CharSequence text, PhoneGroups.ShortGroup group, List<Token> tokens) {
        int digits = group.end() - group.start();
        int end = group.fractionEnd() >= 0 ? group.fractionEnd() : group.end();
        long yuan;
        boolean multiplied = false;
        if (group.fractionEnd() < 0 && end < text.length() && ChineseNumerals.multiplier(text.charAt(end)) > 0) {
            int numeralEnd = numeralEnd(text, end);
            yuan = ChineseNumerals.parse(text, group.start(), numeralEnd);
            if (yuan < 0) {
                return numeralEnd;
            }
            end = numeralEnd;
            multiplied = true;
        } else if (digits > MARKED_AMOUNT_DIGITS) {
            return end;
        } else {
            yuan = Long.parseLong(NumberRun.digits(text, group.start(), group.end()));
        }
        long fen = yuan * 100;
        if (group.fractionEnd() >= 0) {
            String fraction = NumberRun.digits(text, group.end() + 1, group.fractionEnd());
            if (fraction.length() > 2 && !fraction.substring(2).chars().allMatch(ch -> ch == '0')) {
                return end;
            }
            fen += Long.parseLong((fraction + "00").substring(0, 2));
        }
        boolean leadingZero = digits > 1 && Chars.digit(text.charAt(group.start())) == 0;
        return amount(text, group.start(), end, fen, multiplied, !leadingZero && digits <= BARE_AMOUNT_DIGITS, tokens);
    }

    /** Reads a run of Chinese numerals: an amount, or a mobile number spelt digit by digit (一三八…). */
    private static int chineseNumber(CharSequence text, int start, List<Token> tokens) {
        int end = numeralEnd(text, start);
        boolean hasMultiplier = false;
        for (int i = start; i < end; i++) {
            hasMultiplier |= ChineseNumerals.multiplier(text.charAt(i)) > 0;
        }
        if (!hasMultiplier) {
            if (end - start == 11 && ChineseNumerals.digit(text.charAt(start)) == 1) {
                StringBuilder digits = new StringBuilder(11);
                for (int i = start; i < end; i++) {
                    digits.append((char) ('0' + ChineseNumerals.digit(text.charAt(i))));
                }
                tokens.add(Token.phone(new Span(start, end), digits.toString()));
                return end;
            }
            if (end - start == 1 && ChineseNumerals.digit(text.charAt(start)) > 0 && AmountWords.unitEnd(text, end) >= 0) {
                return amount(text, start, end, ChineseNumerals.digit(text.charAt(start)) * 100L, false, false, tokens);
            }
            return end;
        }
        // 百/千/万 without a digit before them are words (千万 "by all means", 百分之), not amounts
        if (ChineseNumerals.multiplier(text.charAt(start)) > 10) {
            return end;
        }
        long yuan = ChineseNumerals.parse(text, start, end);
        return yuan < 0 ? end : amount(text, start, end, yuan * 100, true, true, tokens);
    }

    private static int numeralEnd(CharSequence text, int from) {
        int end = from;
        while (end < text.length() && ChineseNumerals.isNumeral(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /**
     * Adds the amount at {@code [start, end)} with its unit or currency; a bare one only when {@code bareAllowed} and
     * nothing around it says it is not an amount. Returns where the amount (with its unit) ends.
     */
    private static int amount(CharSequence text, int start, int end, long fen, boolean multiplied, boolean bareAllowed,
                              List<Token> tokens) {
        if (AmountWords.foreignCurrency(text, start, end)) {
            return end;
        }
        int unitEnd = AmountWords.unitEnd(text, end);
        int currencyStart = AmountWords.currencyStart(text, start);
        boolean marked = unitEnd >= 0 || currencyStart >= 0 || multiplied;
        if (!marked && (!bareAllowed || AmountWords.notAnAmount(text, start, end))) {
            return end;
        }
        if (multiplied && unitEnd < 0 && currencyStart < 0 && AmountWords.notAnAmount(text, start, end)) {
            return end;
        }
        Span span = new Span(currencyStart >= 0 ? currencyStart : start, Math.max(end, unitEnd));
        tokens.add(Token.amount(span, fen, marked));
        return span.end();
    }

    /** Reads 各/each, 分别/respectively or a clause break at {@code i}; returns the index after it, or {@code i}. */
    private static int word(CharSequence text, int i, List<Token> tokens) {
        char c = text.charAt(i);
        if (BREAKS.indexOf(c) >= 0) {
            tokens.add(Token.word(Token.Kind.BREAK, new Span(i, i + 1)));
            return i + 1;
        }
        if (WORD_STARTS.indexOf(Chars.fold(c)) < 0) {
            return skipLatinWord(text, i);
        }
        String not = Chars.firstWordAt(text, i, NOT_EACH);
        if (not != null) {
            return i + not.length();
        }
        String each = Chars.firstWordAt(text, i, EACH);
        if (each != null) {
            tokens.add(Token.word(Token.Kind.EACH, new Span(i, i + each.length())));
            return i + each.length();
        }
        String respectively = Chars.firstWordAt(text, i, RESPECTIVELY);
        if (respectively != null) {
            tokens.add(Token.word(Token.Kind.RESPECTIVELY, new Span(i, i + respectively.length())));
            return i + respectively.length();
        }
        return skipLatinWord(text, i);
    }

    /** Skips the rest of a Latin word so that "orange" never yields "range" and the like; {@code i} otherwise. */
    private static int skipLatinWord(CharSequence text, int i) {
        int end = i;
        while (Chars.isLatinLetter(text, end)) {
            end++;
        }
        return end;
    }

    private static String firstCharacters(String[]... lists) {
        StringBuilder starts = new StringBuilder();
        for (String[] words : lists) {
            for (String word : words) {
                if (starts.indexOf(word.substring(0, 1)) < 0) {
                    starts.append(word.charAt(0));
                }
            }
        }
        return starts.toString();
    }
}
