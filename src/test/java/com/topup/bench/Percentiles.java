package com.topup.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles and the mean of a set of millisecond figures. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(Collection<Long> values) {
        this.sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    boolean isEmpty() {
        return sorted.length == 0;
    }

    long at(double percent) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double mean() {
        return Arrays.stream(sorted).average().orElse(Double.NaN);
    }

    long min() {
        return at(0);
    }

    long max() {
        return at(100);
    }
}
