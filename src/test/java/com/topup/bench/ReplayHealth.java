package com.topup.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's health figures and circuit breakers as the replay models them, with the production defaults: a
 * 5-minute window of finished attempts (success rate smoothed towards 95 % with a weight of 5 attempts, p95
 * latency), refreshed every 500 ms; a breaker opens on half faults among the last 20 attempts (at least 10) or 5
 * faults in a row, stays open 30 s, then lets 2 probes at a time through and closes after 3 successes.
 */
final class ReplayHealth {

    private static final long WINDOW_MS = 300_000;
    private static final double PRIOR = 0.95;
    private static final double PRIOR_WEIGHT = 5;
    private static final long PRIOR_LATENCY_MS = 1_000;
    private static final long OPEN_MS = 30_000;

    private record Finished(long at, String channel, String carrier, boolean succeeded, long latency) {
    }

    private record Figures(double successRate, long p95) {
    }

    private static final class Breaker {
        String state = "CLOSED";
        long openUntil;
        int probesInFlight;
        int probeSuccesses;
        final Deque<Boolean> recentFaults = new ArrayDeque<>();
    }

    private final Deque<Finished> window = new ArrayDeque<>();
    private final Map<String, Figures> figures = new HashMap<>();
    private final Map<String, Breaker> breakers = new HashMap<>();

    void finished(long at, String channel, String carrier, boolean succeeded, boolean fault, long latency, boolean probe) {
        window.addLast(new Finished(at, channel, carrier, succeeded, latency));
        Breaker b = breaker(channel);
        if (probe) {
            b.probesInFlight = Math.max(0, b.probesInFlight - 1);
            if ("HALF_OPEN".equals(b.state)) {
                if (fault) {
                    open(b, at);
                } else if (++b.probeSuccesses >= 3) {
                    b.state = "CLOSED";
                    b.recentFaults.clear();
                }
            }
            return;
        }
        if ("CLOSED".equals(b.state)) {
            b.recentFaults.addFirst(fault);
            if (b.recentFaults.size() > 20) {
                b.recentFaults.removeLast();
            }
        }
    }

    void refresh(long now) {
        while (!window.isEmpty() && window.peekFirst().at() < now - WINDOW_MS) {
            window.removeFirst();
        }
        Map<String, List<Finished>> byKey = new HashMap<>();
        for (Finished f : window) {
            byKey.computeIfAbsent(f.channel(), k -> new ArrayList<>()).add(f);
            byKey.computeIfAbsent(f.channel() + "|" + f.carrier(), k -> new ArrayList<>()).add(f);
        }
        figures.clear();
        byKey.forEach((key, list) -> {
            long succeeded = list.stream().filter(Finished::succeeded).count();
            long[] latencies = list.stream().mapToLong(Finished::latency).sorted().toArray();
            long p95 = latencies[Math.max(0, (int) Math.ceil(0.95 * latencies.length) - 1)];
            figures.put(key, new Figures((succeeded + PRIOR * PRIOR_WEIGHT) / (list.size() + PRIOR_WEIGHT), p95));
        });
        for (Breaker b : breakers.values()) {
            if ("OPEN".equals(b.state) && now >= b.openUntil) {
                b.state = "HALF_OPEN";
                b.probeSuccesses = 0;
            } else if ("CLOSED".equals(b.state) && shouldOpen(b)) {
                open(b, now);
            }
        }
    }

    private static boolean shouldOpen(Breaker b) {
        long faults = b.recentFaults.stream().filter(f -> f).count();
        boolean fiveInARow = b.recentFaults.size() >= 5 && b.recentFaults.stream().limit(5).allMatch(f -> f);
        return b.recentFaults.size() >= 10 && faults * 2 >= b.recentFaults.size() || fiveInARow;
    }

    private static void open(Breaker b, long now) {
        b.state = "OPEN";
        b.openUntil = now + OPEN_MS;
        b.recentFaults.clear();
    }

    /** The channel's success rate for the carrier where the window has attempts for it, else the channel's. */
    double successRate(String channel, String carrier) {
        Figures f = figures.getOrDefault(channel + "|" + carrier, figures.get(channel));
        return f == null ? PRIOR : f.successRate();
    }

    long latencyP95(String channel, String carrier) {
        Figures f = figures.getOrDefault(channel + "|" + carrier, figures.get(channel));
        return f == null ? PRIOR_LATENCY_MS : f.p95();
    }

    String circuit(String channel) {
        return breaker(channel).state;
    }

    /** A probe slot of a half-open circuit (at most two in flight). */
    boolean tryProbe(String channel) {
        Breaker b = breaker(channel);
        if (b.probesInFlight >= 2) {
            return false;
        }
        b.probesInFlight++;
        return true;
    }

    private Breaker breaker(String channel) {
        return breakers.computeIfAbsent(channel, c -> new Breaker());
    }
}
