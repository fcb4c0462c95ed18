package com.topup.rules.model;

import java.util.SplittableRandom;

/** The random source the engine gives rules (global {@code random}); seeded per decision, so replays repeat. */
public final class RuleRandom {

    private final SplittableRandom random;

    public RuleRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A number in [0, 1). */
    public double nextDouble() {
        return random.nextDouble();
    }
}
