package com.topup.rules.sandbox;

import com.topup.rules.sandbox.check.DrlChecker;
import com.topup.rules.sandbox.check.Edit;
import com.topup.rules.sandbox.check.Limits;
import com.topup.rules.sandbox.parse.DrlDocument;
import com.topup.rules.sandbox.text.TextHygiene;
import com.topup.rules.sandbox.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Decides, before anything is compiled, whether a DRL text may become a rule base, by allow-list all the way down.
 * The text is read three times, each time as strictly as the compilers will read it:
 * <ol>
 *   <li>{@link TextHygiene}: characters (no unicode escapes, invisible or bidirectional characters, non-ASCII code);</li>
 *   <li>{@link DrlDocument}: Drools' own DRL parser gives the structure, which {@link DrlChecker} accepts only as far as
 *       rules need it (package, imports, globals, rules with literal attributes, patterns, not/exists/forall/or,
 *       from, accumulate of built-in functions, eval);</li>
 *   <li>every expression and consequence, as the exact string the engine compiles, is parsed by the rule language's
 *       own small grammar and each name and member is resolved against the {@link Vocabulary}: a member that is not
 *       on its type's allow-list is refused at its line and column, whatever its spelling.</li>
 * </ol>
 * Rule work is bounded by construction: no loops, functions or recursion, no objects or collections created by
 * rules, text values of bounded length, at most {@link Limits#MAX_MANY_PATTERNS} patterns over channels or
 * collections per rule, and {@code matches} on a linear-time engine. What cannot be bounded statically (the
 * number of firings, CPU and allocation of a decision) is enforced while rules run.
 *
 * <p>Instances are immutable and thread-safe; a check never compiles or runs anything.
 */
public final class DrlSandbox {

    private final Vocabulary vocabulary;

    public DrlSandbox(Vocabulary vocabulary) {
        this.vocabulary = Objects.requireNonNull(vocabulary);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public SandboxResult check(String drl) {
        Objects.requireNonNull(drl, "drl");
        Report report = new Report(drl);
        if (drl.length() > Limits.MAX_TEXT) {
            report.at(0, "the text is longer than " + Limits.MAX_TEXT + " characters");
            return new SandboxResult(report.problems(), null);
        }
        for (TextHygiene.Finding f : TextHygiene.check(drl)) {
            report.at(f.offset(), f.message());
        }
        if (!report.isEmpty()) {
            return new SandboxResult(report.problems(), null);
        }
        DrlDocument doc = DrlDocument.parse(drl, report);
        if (doc.pkg() == null || !report.isEmpty()) {
            return new SandboxResult(report.problems(), null);
        }
        List<Edit> edits = new ArrayList<>();
        try {
            new DrlChecker(vocabulary, doc, report, edits).check();
        } catch (StackOverflowError e) {
            report.at(0, "the text is nested too deeply to be checked");
        }
        if (!report.isEmpty()) {
            return new SandboxResult(report.problems(), null);
        }
        return new SandboxResult(List.of(), apply(drl, edits));
    }

    private static String apply(String drl, List<Edit> edits) {
        List<Edit> ordered = new ArrayList<>(edits);
        ordered.sort(Comparator.comparingInt(Edit::start).reversed());
        StringBuilder out = new StringBuilder(drl);
        int limit = Integer.MAX_VALUE;
        for (Edit e : ordered) {
            if (e.end() > limit) {
                continue; // nested inside an edit already applied; cannot happen for matches, whose operands are not rewritten
            }
            out.replace(e.start(), e.end(), e.replacement());
            limit = e.start();
        }
        return out.toString();
    }
}
