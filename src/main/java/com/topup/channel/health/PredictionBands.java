package com.topup.channel.health;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The bands of predicted success the console compares with what happened: finer near the top, where the routing
 * decision table works (avoid below 70 %, prefer above 85 %) and where most predictions lie.
 */
final class PredictionBands {

    /** Lower edges of the bands above the first (0 up to the first edge); the last band ends at 1. */
    static final List<Double> EDGES = List.of(0.5, 0.7, 0.85, 0.9, 0.95, 0.98);

    private PredictionBands() {
    }

    /** PostgreSQL's {@code width_bucket} of a prediction over the edges: 0 for the first band, up to EDGES.size(). */
    static String sqlBucket(String column) {
        return "width_bucket(" + column + ", array["
                + EDGES.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "]::double precision[])";
    }

    /** The lower end of band {@code index} (as {@link #sqlBucket} numbers them). */
    static double from(int index) {
        return index == 0 ? 0 : EDGES.get(index - 1);
    }

    /** The upper end of band {@code index}: the next band's lower end, or 1 for the last. */
    static double to(int index) {
        return index >= EDGES.size() ? 1 : EDGES.get(index);
    }
}
