package com.topup.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Outcome of the orders created in one phase of a drill: how many, share succeeded, time to final (p50, p95). */
record PhaseFigures(String phase, int orders, int succeeded, int failed, int other, Duration p50, Duration p95) {

    static PhaseFigures of(String phase, Collection<OrderRecord> records) {
        int succeeded = 0;
        int failed = 0;
        List<Duration> times = new ArrayList<>();
        for (OrderRecord record : records) {
            if (record.status().equals("SUCCEEDED")) {
                succeeded++;
            } else if (record.status().equals("FAILED")) {
                failed++;
            }
            if (record.timeToFinal() != null) {
                times.add(record.timeToFinal());
            }
        }
        times.sort(Duration::compareTo);
        return new PhaseFigures(phase, records.size(), succeeded, failed, records.size() - succeeded - failed,
                percentile(times, 0.50), percentile(times, 0.95));
    }

    /** Share of the phase's orders that succeeded; NaN without orders. */
    double successRate() {
        return orders == 0 ? Double.NaN : succeeded / (double) orders;
    }

    String line() {
        return String.format("%-7s %6d orders  success %6s  failed %5d  other %4d  time to final p50 %7s  p95 %7s",
                phase, orders, orders == 0 ? "-" : String.format("%.1f %%", 100 * successRate()), failed, other,
                seconds(p50), seconds(p95));
    }

    static String seconds(Duration d) {
        return d == null ? "-" : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static Duration percentile(List<Duration> sorted, double q) {
        if (sorted.isEmpty()) {
            return null;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
