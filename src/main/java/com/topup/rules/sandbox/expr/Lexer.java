package com.topup.rules.sandbox.expr;

import com.topup.rules.sandbox.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one fragment (a constraint, a {@code from} expression, an {@code eval}, a consequence) into tokens. Only
 * ASCII identifiers, decimal numbers, plain string literals and the operators of the rule language come out as
 * tokens; any other character stops the lexer with a {@link SyntaxError}. Comments are skipped. Single-quoted text
 * is a string in conditions (MVEL) and a char literal in consequences (Java); the checker decides which applies.
 */
public final class Lexer {

    /** Longest operators first, so that ">>>" is never read as ">" ">" ">". */
    private static final String[] OPERATORS = {
        ">>>=", "<<=", ">>=", ">>>", "...", "==", "!=", "<=", ">=", "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "%=",
        "&=", "|=", "^=", "<<", ">>", "->", "::", ".?", ":=",
        "(", ")", "[", "]", "{", "}", ".", ",", ";", ":", "?", "!", "~", "+", "-", "*", "/", "%", "<", ">", "=", "&", "|",
        "^", "#", "@"
    };

    private final String text;
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    public static List<Token> tokens(String text) {
        return new Lexer(text).run();
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= text.length()) {
                out.add(new Token(Kind.EOF, "", pos, pos));
                return out;
            }
            out.add(next());
        }
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                pos++;
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (text.startsWith("/*", pos)) {
                int close = text.indexOf("*/", pos + 2);
                if (close < 0) {
                    throw new SyntaxError(pos, "comment is not closed");
                }
                pos = close + 2;
            } else {
                return;
            }
        }
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        if (isIdentStart(c)) {
            while (pos < text.length() && isIdentPart(text.charAt(pos))) {
                pos++;
            }
            return new Token(Kind.IDENT, text.substring(start, pos), start, pos);
        }
        if (c >= '0' && c <= '9' || c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
            return number(start);
        }
        if (c == '"' || c == '\'') {
            return quoted(start, c);
        }
        for (String op : OPERATORS) {
            if (text.startsWith(op, pos)) {
                pos += op.length();
                return new Token(Kind.OP, op, start, pos);
            }
        }
        throw new SyntaxError(start, "character '" + printable(c) + "' is not part of the rule language");
    }

    private Token number(int start) {
        if (text.startsWith("0x", pos) || text.startsWith("0X", pos) || text.startsWith("0b", pos) || text.startsWith("0B", pos)) {
            throw new SyntaxError(start, "write numbers in decimal");
        }
        boolean fraction = false;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
            fraction = true;
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            fraction = true;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            int digits = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (digits == pos) {
                throw new SyntaxError(start, "malformed number");
            }
        }
        Kind kind = fraction ? Kind.DOUBLE : Kind.INT;
        if (pos < text.length()) {
            char suffix = text.charAt(pos);
            if (suffix == 'L' || suffix == 'l') {
                if (fraction) {
                    throw new SyntaxError(start, "malformed number");
                }
                kind = Kind.LONG;
                pos++;
            } else if (suffix == 'd' || suffix == 'D') {
                kind = Kind.DOUBLE;
                pos++;
            } else if (suffix == 'f' || suffix == 'F' || suffix == 'B' || suffix == 'I' || suffix == '_') {
                throw new SyntaxError(start, "number suffix '" + suffix + "' is not allowed; use a plain number or L");
            }
        }
        if (pos < text.length() && isIdentPart(text.charAt(pos))) {
            throw new SyntaxError(start, "malformed number");
        }
        String digits = text.substring(start, pos);
        if (digits.replaceAll("[^0-9]", "").length() > 24) {
            throw new SyntaxError(start, "number is too long");
        }
        return new Token(kind, digits, start, pos);
    }

    private Token quoted(int start, char quote) {
        if (quote == '"' && text.startsWith("\"\"\"", pos)) {
            throw new SyntaxError(start, "text blocks are not allowed; use a plain string");
        }
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n' || text.charAt(pos) == '\r') {
                throw new SyntaxError(start, "string is not closed on its line");
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                break;
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw new SyntaxError(start, "string is not closed");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case '"', '\'', '\\' -> value.append(e);
                    default -> throw new SyntaxError(pos - 2, "escape '\\" + printable(e)
                            + "' is not allowed in strings; only \\n \\t \\r \\\" \\' \\\\");
                }
            } else {
                value.append(c);
            }
        }
        return new Token(quote == '"' ? Kind.STRING : Kind.CHAR, value.toString(), start, pos);
    }

    static boolean isIdentStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || c >= '0' && c <= '9';
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }
}
