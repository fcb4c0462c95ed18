package com.topup.rules.sandbox;

import com.topup.rules.sandbox.parse.Positions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The problems of one check, each at a line and column of the text as written, in text order, without duplicates:
 * the answer to "why is this refused?".
 */
public final class Report {

    private final Positions positions;
    private final Set<DrlProblem> problems = new LinkedHashSet<>();

    public Report(String text) {
        this.positions = new Positions(text);
    }

    /** A problem at an offset of the whole text. */
    public void at(int offset, String message) {
        int o = Math.max(0, offset);
        problems.add(new DrlProblem(positions.line(o), positions.column(o), message));
    }

    /** A problem at a line and column the DRL parser gave (column 0-based there). */
    public void atLine(int line, int column, String message) {
        problems.add(new DrlProblem(Math.max(1, line), Math.max(1, column + 1), message));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public int size() {
        return problems.size();
    }

    public List<DrlProblem> problems() {
        List<DrlProblem> out = new ArrayList<>(problems);
        out.sort(Comparator.comparingInt(DrlProblem::line).thenComparingInt(DrlProblem::column)
                .thenComparing(DrlProblem::message));
        return List.copyOf(out);
    }
}
