package com.topup.rules.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * A small lexer for DRL with embedded Java and MVEL, used only for the sandbox scan.
 *
 * <p>It reads the text the way the Java compiler would and the way the DRL/MVEL parsers would,
 * and refuses the constructs on which those readings could disagree, so that a word can never
 * be "inside a string" for the scan while it is code for a compiler:
 * <ul>
 *   <li>Unicode escapes ({@code \}{@code uXXXX}) are decoded first, exactly as javac does (a
 *       backslash preceded by an even number of backslashes, one or more {@code u}, four hex
 *       digits). An escape is accepted only inside a string literal or a comment and only when
 *       it stands for a letter, a digit, a space or a non-ASCII character; anything else (an
 *       escape in code, or one that produces a quote, a backslash, a line break or a comment
 *       delimiter) is a problem.</li>
 *   <li>Strings: {@code "..."} and {@code '...'} (DRL and MVEL use both; a Java char literal is
 *       the one-character case). A backslash escapes the next character. A string may span
 *       lines (DRL/MVEL allow it; for Java it is a compile error anyway).</li>
 *   <li>Java text blocks ({@code """}) are refused: MVEL reads them as a sequence of ordinary
 *       strings, Java as one literal, and the two readings can put different words in code.</li>
 *   <li>Comments: {@code //} to end of line and {@code /* ... *}{@code /}. The DRL6 parser of
 *       Drools 10 does not treat {@code #} as a comment (it is the inline-cast operator in
 *       constraints and a syntax error elsewhere), so {@code #} is an ordinary symbol here and
 *       the text after it is scanned.</li>
 *   <li>Bidirectional-override characters (the "Trojan Source" trick that makes the text an
 *       approver reads differ from the text the compiler reads) are refused anywhere; invisible
 *       (identifier-ignorable) characters inside identifiers are refused, because javac ignores
 *       them when it compares names ({@code Sys<U+200B>tem} is {@code System}).</li>
 * </ul>
 * Lines and columns of tokens and problems refer to the original, undecoded text.
 */
final class DrlLexer {

    enum Kind { IDENT, NUMBER, STRING, SYMBOL }

    /** A token; {@code text} is the decoded text (identifiers without ignorable characters). */
    record Token(Kind kind, String text, int line, int column) {
        boolean is(String s) {
            return text.equals(s);
        }

        boolean isIdent(String s) {
            return kind == Kind.IDENT && text.equals(s);
        }

        boolean isSymbol(String s) {
            return kind == Kind.SYMBOL && text.equals(s);
        }
    }

    /** Result of lexing: tokens plus the problems found on the way. */
    record Result(List<Token> tokens, List<DrlProblem> problems) {
    }

    private static final int CODE = 0;
    private static final int STRING_CONTENT = 1;
    private static final int COMMENT_CONTENT = 2;
    private static final int DELIMITER = 3;

    private final String raw;
    private final int[] lineStarts;
    private final List<DrlProblem> problems = new ArrayList<>();
    private final List<Token> tokens = new ArrayList<>();

    // decoded text and, for each decoded char, its offset in the raw text and whether it came
    // from a unicode escape
    private String text;
    private int[] origin;
    private boolean[] escaped;
    private int[] context;

    private DrlLexer(String raw) {
        this.raw = raw;
        this.lineStarts = lineStarts(raw);
    }

    static Result lex(String drl) {
        DrlLexer lexer = new DrlLexer(drl);
        lexer.decode();
        lexer.tokenize();
        lexer.checkEscapes();
        lexer.checkBidi();
        return new Result(List.copyOf(lexer.tokens), List.copyOf(lexer.problems));
    }

    // ---------------------------------------------------------------- positions

    private static int[] lineStarts(String s) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                starts.add(i + 1);
            } else if (c == '\n') {
                starts.add(i + 1);
            }
        }
        int[] out = new int[starts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = starts.get(i);
        }
        return out;
    }

    /** 1-based line of a raw offset. */
    private int lineOfRaw(int rawOffset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= rawOffset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    private int columnOfRaw(int rawOffset, int line) {
        return rawOffset - lineStarts[line - 1] + 1;
    }

    private void problemAtRaw(int rawOffset, String message) {
        int line = lineOfRaw(rawOffset);
        problems.add(new DrlProblem(line, columnOfRaw(rawOffset, line), message));
    }

    private void problemAt(int decodedOffset, String message) {
        problemAtRaw(rawOffset(decodedOffset), message);
    }

    private int rawOffset(int decodedOffset) {
        return decodedOffset < origin.length ? origin[decodedOffset] : raw.length();
    }

    // ---------------------------------------------------------------- unicode escapes

    private void decode() {
        StringBuilder out = new StringBuilder(raw.length());
        int[] org = new int[raw.length() + 1];
        boolean[] esc = new boolean[raw.length() + 1];
        int n = 0;
        int rawBackslashRun = 0;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '\\' && (rawBackslashRun % 2 == 0) && i + 1 < raw.length() && raw.charAt(i + 1) == 'u') {
                int j = i + 1;
                while (j < raw.length() && raw.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 <= raw.length() && isHex(raw, j, 4)) {
                    char decoded = (char) Integer.parseInt(raw.substring(j, j + 4), 16);
                    out.append(decoded);
                    org[n] = i;
                    esc[n] = true;
                    n++;
                    i = j + 4;
                    rawBackslashRun = 0;
                    continue;
                }
                problemAtRaw(i, "malformed unicode escape");
            }
            rawBackslashRun = c == '\\' ? rawBackslashRun + 1 : 0;
            out.append(c);
            org[n] = i;
            n++;
            i++;
        }
        text = out.toString();
        origin = java.util.Arrays.copyOf(org, n);
        escaped = java.util.Arrays.copyOf(esc, n);
        context = new int[n];
    }

    private static boolean isHex(String s, int from, int count) {
        for (int k = from; k < from + count; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private void checkEscapes() {
        for (int i = 0; i < text.length(); i++) {
            if (!escaped[i]) {
                continue;
            }
            char c = text.charAt(i);
            boolean inside = context[i] == STRING_CONTENT || context[i] == COMMENT_CONTENT;
            boolean harmless = Character.isLetterOrDigit(c) || c == ' ' || (c >= 0x80 && !isBidiControl(c));
            if (!(inside && harmless)) {
                problemAt(i, "unicode escape outside a string literal or comment, or standing for a "
                        + "quote, backslash, line break or symbol; write the character itself");
            }
        }
    }

    // ---------------------------------------------------------------- bidi / invisible characters

    static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E || c == 0x200F || c == 0x061C;
    }

    private void checkBidi() {
        for (int i = 0; i < text.length(); i++) {
            if (isBidiControl(text.charAt(i))) {
                problemAt(i, "bidirectional control character U+" + String.format("%04X", (int) text.charAt(i))
                        + " is not allowed (it makes the text read differently from how it compiles)");
            }
        }
    }

    // ---------------------------------------------------------------- tokenizer

    private void mark(int from, int to, int ctx) {
        for (int k = from; k < to && k < context.length; k++) {
            context[k] = ctx;
        }
    }

    private void addToken(Kind kind, String tokenText, int decodedStart) {
        int rawStart = rawOffset(decodedStart);
        int line = lineOfRaw(rawStart);
        tokens.add(new Token(kind, tokenText, line, columnOfRaw(rawStart, line)));
    }

    private void tokenize() {
        final String s = text;
        final int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
                continue;
            }
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                mark(i, i + 2, DELIMITER);
                int j = i + 2;
                while (j < n && s.charAt(j) != '\n' && s.charAt(j) != '\r') {
                    j++;
                }
                mark(i + 2, j, COMMENT_CONTENT);
                if (j < n) {
                    mark(j, j + 1, DELIMITER);
                }
                i = j;
                continue;
            }
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                mark(i, i + 2, DELIMITER);
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    problemAt(i, "unterminated comment");
                    mark(i + 2, n, COMMENT_CONTENT);
                    i = n;
                } else {
                    mark(i + 2, end, COMMENT_CONTENT);
                    mark(end, end + 2, DELIMITER);
                    i = end + 2;
                }
                continue;
            }
            if (c == '"' && i + 2 < n && s.charAt(i + 1) == '"' && s.charAt(i + 2) == '"') {
                problemAt(i, "text blocks (\"\"\") are not allowed; use ordinary string literals");
                i = textBlock(i);
                continue;
            }
            if (c == '"' || c == '\'') {
                i = string(i, c);
                continue;
            }
            int cp = s.codePointAt(i);
            if (Character.isJavaIdentifierStart(cp)) {
                i = identifier(i);
                continue;
            }
            if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                i = number(i);
                continue;
            }
            if (c == ':' && i + 1 < n && s.charAt(i + 1) == ':') {
                addToken(Kind.SYMBOL, "::", i);
                i += 2;
                continue;
            }
            if (c == '-' && i + 1 < n && s.charAt(i + 1) == '>') {
                addToken(Kind.SYMBOL, "->", i);
                i += 2;
                continue;
            }
            if (Character.isIdentifierIgnorable(cp)) {
                problemAt(i, "invisible character U+" + String.format("%04X", cp) + " is not allowed here");
                i += Character.charCount(cp);
                continue;
            }
            addToken(Kind.SYMBOL, new String(Character.toChars(cp)), i);
            i += Character.charCount(cp);
        }
    }

    private int string(int start, char quote) {
        final String s = text;
        final int n = s.length();
        mark(start, start + 1, DELIMITER);
        int j = start + 1;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\\') {
                mark(j, Math.min(j + 2, n), STRING_CONTENT);
                j += 2;
                continue;
            }
            if (c == quote) {
                mark(j, j + 1, DELIMITER);
                addToken(Kind.STRING, s.substring(start, j + 1), start);
                return j + 1;
            }
            mark(j, j + 1, STRING_CONTENT);
            j++;
        }
        problemAt(start, "unterminated string literal");
        addToken(Kind.STRING, s.substring(start), start);
        return n;
    }

    private int textBlock(int start) {
        final String s = text;
        final int n = s.length();
        mark(start, start + 3, DELIMITER);
        int j = start + 3;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\\') {
                mark(j, Math.min(j + 2, n), STRING_CONTENT);
                j += 2;
                continue;
            }
            if (c == '"' && j + 2 < n && s.charAt(j + 1) == '"' && s.charAt(j + 2) == '"') {
                mark(j, j + 3, DELIMITER);
                addToken(Kind.STRING, s.substring(start, j + 3), start);
                return j + 3;
            }
            mark(j, j + 1, STRING_CONTENT);
            j++;
        }
        problemAt(start, "unterminated text block");
        addToken(Kind.STRING, s.substring(start), start);
        return n;
    }

    private int identifier(int start) {
        final String s = text;
        final int n = s.length();
        StringBuilder name = new StringBuilder();
        boolean invisible = false;
        int j = start;
        while (j < n) {
            int cp = s.codePointAt(j);
            if (j > start && !Character.isJavaIdentifierPart(cp)) {
                break;
            }
            if (Character.isIdentifierIgnorable(cp)) {
                invisible = true;
            } else {
                name.appendCodePoint(cp);
            }
            j += Character.charCount(cp);
        }
        if (invisible) {
            problemAt(start, "identifier '" + name + "' contains invisible characters");
        }
        addToken(Kind.IDENT, name.toString(), start);
        return j;
    }

    /**
     * A number: digits with letters/underscores (suffixes, hex, exponents, DRL durations such as
     * {@code 1h30m}) and at most one fraction dot that is followed by a digit. A dot followed by
     * a letter ends the number, so {@code 1.class} is lexed as {@code 1 . class}.
     */
    private int number(int start) {
        final String s = text;
        final int n = s.length();
        int j = start;
        boolean seenDot = false;
        while (j < n) {
            char c = s.charAt(j);
            if (Character.isLetterOrDigit(c) || c == '_') {
                j++;
            } else if (c == '.' && !seenDot && j + 1 < n && Character.isDigit(s.charAt(j + 1))) {
                seenDot = true;
                j++;
            } else {
                break;
            }
        }
        addToken(Kind.NUMBER, s.substring(start, j), start);
        return j;
    }
}
