package com.topup.chaos;

import java.util.List;

/** The drills' figures as one Markdown table (for docs/RELIABILITY.md). */
final class SummaryTable {

    private static final List<String> COLUMNS = List.of("accepted", "not final", "review", "double charges unflagged",
            "events missing", "callbacks missing", "success before/during/after", "p95 to final before/during/after",
            "recovery");

    private SummaryTable() {
    }

    static String markdown(List<DrillReport> reports) {
        StringBuilder out = new StringBuilder("\n| drill | ").append(String.join(" | ", COLUMNS)).append(" | invariants |\n|");
        out.append("---|".repeat(COLUMNS.size() + 2)).append('\n');
        for (DrillReport report : reports) {
            out.append("| ").append(report.drill).append(" | ");
            for (String column : COLUMNS) {
                out.append(report.summary.getOrDefault(column, "-")).append(" | ");
            }
            out.append(report.holds() ? "hold" : "FAILED: " + String.join("; ", report.failures())).append(" |\n");
        }
        return out.toString();
    }
}
