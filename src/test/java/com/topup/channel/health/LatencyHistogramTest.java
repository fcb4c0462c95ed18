package com.topup.channel.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesAreWithinTheClassWidthOfTheExactOnes() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(2_000);
            double[] latencies = new double[n];
            LatencyHistogram histogram = new LatencyHistogram();
            for (int i = 0; i < n; i++) {
                latencies[i] = Math.exp(random.nextGaussian() * 1.5 + 5.5); // a few ms to tens of seconds
                histogram.add(LatencyHistogram.classOf(latencies[i]), 1);
            }
            Arrays.sort(latencies);
            for (double fraction : new double[] {0.0, 0.5, 0.9, 0.95, 0.99, 1.0}) {
                double exact = percentileCont(latencies, fraction);
                double estimate = histogram.percentile(fraction);
                // 5 % of the value, or the 1 ms of class 0
                assertTrue(Math.abs(estimate - exact) <= Math.max(exact * 0.05, 1.0),
                        "p" + fraction + " of " + n + ": " + estimate + " against " + exact);
            }
        }
    }

    @Test
    void classesMatchTheirBounds() {
        for (double latency : new double[] {1, 1.04, 1.05, 49.9, 50, 500, 999.99, 60_000, 3_600_000}) {
            int latencyClass = LatencyHistogram.classOf(latency);
            assertTrue(LatencyHistogram.lowerBound(latencyClass) <= latency * (1 + 1e-12), latency + " in " + latencyClass);
            assertTrue(latency < LatencyHistogram.lowerBound(latencyClass + 1) * (1 + 1e-12), latency + " in " + latencyClass);
        }
        assertEquals(0, LatencyHistogram.classOf(0.4));
        assertEquals(1, LatencyHistogram.classOf(1));
    }

    @Test
    void anEmptyHistogramHasNoPercentileAndCountsAddUp() {
        LatencyHistogram empty = new LatencyHistogram();
        assertNull(empty.percentile(0.5));
        empty.add(LatencyHistogram.classOf(80), 0);
        assertNull(empty.percentile(0.5));

        LatencyHistogram fast = new LatencyHistogram();
        fast.add(LatencyHistogram.classOf(100), 3);
        LatencyHistogram slow = new LatencyHistogram();
        slow.add(LatencyHistogram.classOf(1_000), 1);
        fast.addAll(slow);
        assertEquals(100, fast.percentile(0.5), 5);
        assertEquals(1_000, fast.percentile(1.0), 50);
    }

    private static double percentileCont(double[] sorted, double fraction) {
        double rank = fraction * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
