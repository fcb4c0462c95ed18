package com.topup.instruction.reading;

/**
 * Chinese numerals as people write amounts: 五十, 一百, 两百, 一百五 (150), 一千二 (1,200), 一百零五, 贰佰, 1百, 2千.
 * Digits (ASCII or full-width) may stand for the digit before a multiplier.
 */
final class ChineseNumerals {

    /** Values above this many yuan are not amounts anyone tops up; they are read as "not a number". */
    static final long MAX = 1_000_000_000L;

    private ChineseNumerals() {
    }

    /** The value of a Chinese digit (一…九, 零, 〇, 两, 幺 and the financial forms), or -1. */
    static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一', '壹', '幺' -> 1;
            case '二', '两', '贰', '貳' -> 2;
            case '三', '叁', '參' -> 3;
            case '四', '肆' -> 4;
            case '五', '伍' -> 5;
            case '六', '陆', '陸' -> 6;
            case '七', '柒' -> 7;
            case '八', '捌' -> 8;
            case '九', '玖' -> 9;
            default -> -1;
        };
    }

    /** The value of a multiplier (十, 百, 千, 万 and the financial forms), or -1. */
    static long multiplier(char c) {
        return switch (c) {
            case '十', '拾' -> 10;
            case '百', '佰' -> 100;
            case '千', '仟' -> 1_000;
            case '万', '萬' -> 10_000;
            default -> -1;
        };
    }

    static boolean isNumeral(char c) {
        return digit(c) >= 0 || multiplier(c) > 0;
    }

    /**
     * Reads {@code text[start, end)}; -1 when it is not a well-formed number.
     * A trailing digit after 百/千/万 counts one place lower, as spoken (一百五 = 150), unless a 零 came before it.
     */
    static long parse(CharSequence text, int start, int end) {
        long total = 0;
        long section = 0;
        long pending = -1;
        long lastMultiplier = 0;
        boolean zeroSeen = false;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (Chars.digit(c) >= 0) {
                if (pending >= 0) {
                    return -1;
                }
                long value = 0;
                while (i < end && Chars.digit(text.charAt(i)) >= 0) {
                    value = value * 10 + Chars.digit(text.charAt(i));
                    if (value > MAX) {
                        return -1;
                    }
                    i++;
                }
                pending = value;
                continue;
            }
            int d = digit(c);
            long m = multiplier(c);
            if (d == 0) {
                zeroSeen = true;
            } else if (d > 0) {
                if (pending >= 0) {
                    return -1;
                }
                pending = d;
            } else if (m == 10_000) {
                total = (total + section + Math.max(pending, 0)) * m;
                section = 0;
                pending = -1;
                lastMultiplier = m;
                zeroSeen = false;
            } else if (m > 0) {
                if (lastMultiplier != 0 && lastMultiplier != 10_000 && m >= lastMultiplier) {
                    return -1;
                }
                if (pending < 0 && (m != 10 || total + section > 0)) {
                    return -1; // only 十 may stand alone for 一十, and only first (十五); 百十 is no number
                }
                section += (pending < 0 ? 1 : pending) * m;
                pending = -1;
                lastMultiplier = m;
                zeroSeen = false;
            } else {
                return -1;
            }
            if (total + section > MAX) {
                return -1;
            }
            i++;
        }
        if (pending >= 0) {
            boolean spokenShort = !zeroSeen && lastMultiplier >= 100 && pending < 10;
            section += spokenShort ? pending * (lastMultiplier / 10) : pending;
        }
        long value = total + section;
        return value > MAX ? -1 : value;
    }
}
