package com.topup.channel.health;

import java.util.Map;
import java.util.TreeMap;

/**
 * Latencies counted by class, as channel_outcome_tally keeps them (migration V14): class 0 is under 1 ms, class k
 * holds [1.05^(k-1), 1.05^k) ms. A percentile is read the way {@code percentile_cont} reads sorted values, with the
 * values of a class taken as spread evenly over it, so it is within the class's 5 % of the exact figure.
 */
final class LatencyHistogram {

    private static final double GROWTH = 1.05;

    private final TreeMap<Integer, Long> counts = new TreeMap<>();
    private long total;

    void add(int latencyClass, long count) {
        if (count <= 0) {
            return;
        }
        counts.merge(latencyClass, count, Long::sum);
        total += count;
    }

    void addAll(LatencyHistogram other) {
        other.counts.forEach(this::add);
    }

    /** The {@code fraction} percentile (0.5 for the median) in milliseconds; null when nothing was counted. */
    Double percentile(double fraction) {
        if (total == 0) {
            return null;
        }
        double rank = fraction * (total - 1);
        long below = (long) Math.floor(rank);
        double low = valueAt(below);
        return low + (rank - below) * (valueAt(Math.min(below + 1, total - 1)) - low);
    }

    /** The estimated value of the {@code index}-th smallest latency (0-based). */
    private double valueAt(long index) {
        long before = 0;
        for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
            long count = entry.getValue();
            if (index < before + count) {
                double lower = lowerBound(entry.getKey());
                double upper = lowerBound(entry.getKey() + 1);
                return lower + (index - before + 0.5) / count * (upper - lower);
            }
            before += count;
        }
        throw new IllegalStateException("index " + index + " of " + total);
    }

    /** The smallest latency of a class, in milliseconds. */
    static double lowerBound(int latencyClass) {
        return latencyClass == 0 ? 0 : Math.pow(GROWTH, latencyClass - 1);
    }

    /** The class of a latency; the same as channel_outcome_latency_class in the database. */
    static int classOf(double latencyMillis) {
        return latencyMillis < 1 ? 0 : (int) Math.min(400, 1 + Math.floor(Math.log(latencyMillis) / Math.log(GROWTH)));
    }
}
