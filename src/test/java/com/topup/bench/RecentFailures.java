package com.topup.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The last few finished attempts per channel × carrier and per channel × carrier × province, for the boosted
 * model's "recent failures" features: a faster signal than the 5-minute window figures.
 */
final class RecentFailures {

    static final int LAST = 10;

    private final Map<String, Deque<Boolean>> failedNewestFirst = new HashMap<>();

    void finished(String channel, String carrier, String province, boolean succeeded) {
        record(channel + "|" + carrier, !succeeded);
        record(channel + "|" + carrier + "|" + province, !succeeded);
    }

    /** Failures among the channel's last {@value #LAST} attempts for the carrier. */
    int failures(String channel, String carrier) {
        return count(channel + "|" + carrier);
    }

    /** Failures among the channel's last {@value #LAST} attempts for the carrier in the province. */
    int failures(String channel, String carrier, String province) {
        return count(channel + "|" + carrier + "|" + province);
    }

    /** Attempts the carrier's figure rests on (up to {@value #LAST}). */
    int finished(String channel, String carrier) {
        Deque<Boolean> d = failedNewestFirst.get(channel + "|" + carrier);
        return d == null ? 0 : d.size();
    }

    private void record(String key, boolean failed) {
        Deque<Boolean> d = failedNewestFirst.computeIfAbsent(key, k -> new ArrayDeque<>());
        d.addFirst(failed);
        if (d.size() > LAST) {
            d.removeLast();
        }
    }

    private int count(String key) {
        Deque<Boolean> d = failedNewestFirst.get(key);
        return d == null ? 0 : (int) d.stream().filter(f -> f).count();
    }
}
