package com.topup.channel.health;

import java.util.ArrayList;
import java.util.List;

/**
 * The latest finished attempts of one channel for one carrier, oldest first, at most {@code size} of them, each with
 * the success the model predicted for it just before it was learnt: what the success model judges to tell a change
 * from noise; {@code placed} is the province the run's surprise was last placed in (reported once), null while it
 * is no surprise. Immutable.
 */
record RecentRun(List<Judged> attempts, String placed) {

    /** One attempt and the model's predicted success for its own order (province, band, hour) at the time. */
    record Judged(SuccessModel.Observation attempt, double predicted) {
    }

    static final RecentRun EMPTY = new RecentRun(List.of(), null);

    RecentRun {
        attempts = List.copyOf(attempts);
    }

    RecentRun plus(Judged judged, int size) {
        List<Judged> next = new ArrayList<>(Math.min(size, attempts.size() + 1));
        next.addAll(attempts.subList(Math.max(0, attempts.size() + 1 - size), attempts.size()));
        next.add(judged);
        return new RecentRun(next, placed);
    }

    RecentRun placed(String province) {
        return new RecentRun(attempts, province);
    }

    /** The run without the attempts of {@code province}. */
    RecentRun without(String province) {
        return new RecentRun(attempts.stream().filter(j -> !province.equals(SuccessModel.province(j.attempt()))).toList(),
                null);
    }

    double[] predicted() {
        return attempts.stream().mapToDouble(Judged::predicted).toArray();
    }

    int size() {
        return attempts.size();
    }

    int failures() {
        return (int) attempts.stream().filter(j -> !j.attempt().succeeded()).count();
    }

    double expectedFailures() {
        return attempts.stream().mapToDouble(j -> 1 - j.predicted()).sum();
    }
}
