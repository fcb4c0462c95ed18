package com.topup.rules.sandbox.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Character-level checks of the whole text, before anything parses it, so that the text a reviewer reads is the
 * text every compiler reads:
 * <ul>
 *   <li>no unicode escape ({@code \}{@code u...}) anywhere: javac decodes them before it reads strings and
 *       comments, so one can end a string or a comment for Java while MVEL and the DRL parser see text;</li>
 *   <li>no bidirectional controls, zero-width or other format characters, no control characters but tab and line
 *       breaks, no Unicode line or paragraph separators, anywhere (even in strings and comments: they change what
 *       a reviewer sees);</li>
 *   <li>outside string literals and comments only ASCII: identifiers that look alike but differ, and non-ASCII
 *       spaces, cannot hide in code;</li>
 *   <li>no Java text blocks ({@code """}), which MVEL reads as several strings.</li>
 * </ul>
 */
public final class TextHygiene {

    /** A problem at an offset of the text. */
    public record Finding(int offset, String message) {
    }

    private TextHygiene() {
    }

    public static List<Finding> check(String text) {
        List<Finding> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < n && text.charAt(i + 1) == 'u') {
                out.add(new Finding(i, "unicode escapes are not allowed; write the character itself"));
            }
            String bad = forbiddenEverywhere(c);
            if (bad != null) {
                out.add(new Finding(i, bad));
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    checkEverywhere(text, i, out);
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                if (close < 0) {
                    out.add(new Finding(i, "this comment is not closed"));
                }
                int end = close < 0 ? n : close + 2;
                for (int k = i + 2; k < end; k++) {
                    checkEverywhere(text, k, out);
                }
                i = end;
                continue;
            }
            if (c == '"' && text.startsWith("\"\"\"", i)) {
                out.add(new Finding(i, "text blocks (\"\"\") are not allowed; use a plain string"));
                i += 3;
                continue;
            }
            if (c == '"' || c == '\'') {
                int k = i + 1;
                while (k < n && text.charAt(k) != c && text.charAt(k) != '\n' && text.charAt(k) != '\r') {
                    if (text.charAt(k) == '\\' && k + 1 < n) {
                        checkEverywhere(text, k, out);
                        k++;
                    }
                    checkEverywhere(text, k, out);
                    k++;
                }
                i = k + 1;
                continue;
            }
            if (c > 0x7e && bad == null) {
                out.add(new Finding(i, String.format("character U+%04X is allowed only in strings and comments", (int) c)));
            }
            i++;
        }
        return out;
    }

    private static void checkEverywhere(String text, int i, List<Finding> out) {
        char c = text.charAt(i);
        if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'u') {
            out.add(new Finding(i, "unicode escapes are not allowed; write the character itself"));
        }
        String bad = forbiddenEverywhere(c);
        if (bad != null) {
            out.add(new Finding(i, bad));
        }
    }

    private static String forbiddenEverywhere(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return null;
        }
        if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0) {
            return String.format("control character U+%04X is not allowed", (int) c);
        }
        if (c == '\u2028' || c == '\u2029') {
            return "Unicode line separators are not allowed; use a plain line break";
        }
        int type = Character.getType(c);
        if (type == Character.FORMAT) {
            return String.format("invisible or bidirectional control character U+%04X is not allowed (text a reviewer "
                    + "reads must be the text that runs)", (int) c);
        }
        if (type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
            return String.format("character U+%04X is not allowed", (int) c);
        }
        return null;
    }
}
