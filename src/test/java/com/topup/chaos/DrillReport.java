package com.topup.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a drill measured (figures) and which invariants failed; printed after each drill. */
final class DrillReport {

    final String drill;
    private final List<String> lines = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    /** The figures of the summary table, by column. */
    final Map<String, String> summary = new TreeMap<>();

    DrillReport(String drill) {
        this.drill = drill;
    }

    void figure(String line) {
        lines.add(line);
    }

    /** An invariant: {@code actual} must be {@code expected}; printed either way. */
    void expect(String what, long actual, long expected) {
        boolean holds = actual == expected;
        lines.add(String.format("%-58s %8d   %s", what, actual, holds ? "ok" : "FAILED (expected " + expected + ")"));
        if (!holds) {
            failures.add(what + ": " + actual + " (expected " + expected + ")");
        }
    }

    void fail(String what) {
        lines.add(what + "   FAILED");
        failures.add(what);
    }

    boolean holds() {
        return failures.isEmpty();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    String text() {
        StringBuilder out = new StringBuilder("\n=== drill " + drill + " ===\n");
        lines.forEach(l -> out.append("  ").append(l).append('\n'));
        out.append(holds() ? "  every invariant holds\n" : "  INVARIANTS FAILED: " + failures + "\n");
        return out.toString();
    }
}
