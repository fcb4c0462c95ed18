package com.topup.channel.health;

import java.util.List;

/**
 * The bands of predicted success the console compares with what happened: finer near the top, where the routing
 * decision table works (avoid below 70 %, prefer above 85 %) and where most predictions lie. The database numbers
 * them with {@code channel_attempt_band(predicted)} (migration V13): 0 for the first band up to EDGES.size() for the
 * last; the two must agree (CalibrationRollupTest).
 */
final class PredictionBands {

    /** Lower edges of the bands above the first (0 up to the first edge); the last band ends at 1. */
    static final List<Double> EDGES = List.of(0.5, 0.7, 0.85, 0.9, 0.95, 0.98);

    private PredictionBands() {
    }

    /** The lower end of band {@code index}. */
    static double from(int index) {
        return index == 0 ? 0 : EDGES.get(index - 1);
    }

    /** The upper end of band {@code index}: the next band's lower end, or 1 for the last. */
    static double to(int index) {
        return index >= EDGES.size() ? 1 : EDGES.get(index);
    }
}
