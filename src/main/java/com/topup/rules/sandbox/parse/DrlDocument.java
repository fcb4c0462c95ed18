package com.topup.rules.sandbox.parse;

import com.topup.rules.sandbox.Report;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.ParserError;

/**
 * The text parsed by Drools' own DRL parser (the one the compiler uses, so both read the same structure), and the
 * places in the text of the fragments it hands to the compilers: every condition, {@code from}, {@code eval},
 * accumulate argument and consequence is checked as the exact string the engine compiles, at its position.
 */
public final class DrlDocument {

    private static final Pattern PARSER_LOCATION = Pattern.compile("^\\[ERR \\d+\\] Line \\d+:\\d+ ");

    private final String text;
    private final Positions positions;
    private final PackageDescr pkg;

    private DrlDocument(String text, PackageDescr pkg) {
        this.text = text;
        this.positions = new Positions(text);
        this.pkg = pkg;
    }

    /** Parses; syntax errors go to the report, and a text with any is not checked further. */
    public static DrlDocument parse(String text, Report report) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg = null;
        try {
            pkg = parser.parse(false, text);
        } catch (StackOverflowError e) {
            report.at(0, "syntax error: the text is nested too deeply to be read");
        } catch (Exception e) {
            report.at(0, "syntax error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        for (DroolsError error : parser.getErrors()) {
            String message = error.getMessage() == null ? "unknown" : PARSER_LOCATION.matcher(error.getMessage()).replaceFirst("");
            if (error instanceof ParserError pe) {
                report.atLine(pe.getRow(), pe.getCol(), "syntax error: " + message);
            } else {
                int line = error.getLines() != null && error.getLines().length > 0 ? error.getLines()[0] : 1;
                report.atLine(line, 0, "syntax error: " + message);
            }
        }
        if (pkg == null && parser.getErrors().isEmpty()) {
            report.at(0, "syntax error: the text could not be read");
        }
        return new DrlDocument(text, parser.hasErrors() ? null : pkg);
    }

    public String text() {
        return text;
    }

    /** The parsed package, or null when the text has syntax errors. */
    public PackageDescr pkg() {
        return pkg;
    }

    public Positions positions() {
        return positions;
    }

    /** Offset of a descriptor's first character, from its start character or else its line and column. */
    public int offsetOf(BaseDescr d) {
        if (d.getStartCharacter() >= 0) {
            return d.getStartCharacter();
        }
        if (d.getLine() > 0) {
            return Math.max(0, positions.offset(d.getLine(), Math.max(0, d.getColumn())));
        }
        return 0;
    }

    /** Offset of the character after a descriptor, or the end of the text when unknown. */
    public int endOf(BaseDescr d) {
        return d.getEndCharacter() >= 0 ? Math.min(text.length(), d.getEndCharacter() + 1) : text.length();
    }

    /**
     * Where a fragment the parser extracted stands in the text, searching from {@code from} (inclusive) to
     * {@code to}; -1 when it is not there verbatim (the checker then refuses the text: what cannot be placed
     * cannot be shown to its author).
     */
    public int locate(String fragment, int from, int to) {
        if (fragment == null) {
            return -1;
        }
        int at = text.indexOf(fragment, Math.max(0, from));
        if (at >= 0 && at <= to) {
            return at;
        }
        return locateLoose(fragment, Math.max(0, from), Math.min(to, text.length() - fragment.length()));
    }

    /** The DRL parser hands single-quoted strings of conditions on in double quotes; the length is the same. */
    private int locateLoose(String fragment, int from, int to) {
        for (int at = from; at <= to; at++) {
            boolean same = true;
            for (int i = 0; i < fragment.length() && same; i++) {
                char source = text.charAt(at + i);
                char read = fragment.charAt(i);
                same = source == read || source == '\'' && read == '"';
            }
            if (same) {
                return at;
            }
        }
        return -1;
    }
}
