package com.topup.sim;

import java.util.random.RandomGenerator;

/** What chance decides about one status query: whether it fails, and how long the answer takes. */
public record QueryFate(boolean fails, boolean slow, long delayMs) {

    public static QueryFate draw(SupplierBehaviour behaviour, RandomGenerator random) {
        double failDraw = random.nextDouble();
        double slowDraw = random.nextDouble();
        long normal = behaviour.queryLatency().draw(random);
        long slowDelay = behaviour.querySlowLatency().draw(random);
        boolean slow = slowDraw < behaviour.querySlowRate();
        return new QueryFate(failDraw < behaviour.queryFailureRate(), slow, slow ? slowDelay : normal);
    }
}
