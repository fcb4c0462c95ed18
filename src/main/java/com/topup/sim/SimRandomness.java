package com.topup.sim;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * All simulated chance comes from one seed. Each order and each status query gets its own generator derived from the
 * seed and the supplier, reference and query number, so a replay with the same seed gives every order the same fate
 * whatever the order in which requests arrive.
 */
public final class SimRandomness {

    private final long seed;

    public SimRandomness(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    public RandomGenerator forOrder(String supplier, String reference) {
        return new SplittableRandom(seed ^ fnv1a64(supplier + '\u0000' + reference));
    }

    public RandomGenerator forQuery(String supplier, String reference, long queryNumber) {
        return new SplittableRandom(seed ^ fnv1a64(supplier + '\u0000' + reference + '\u0000' + queryNumber) ^ 0x5DEECE66DL);
    }

    /** FNV-1a, 64 bit: stable across JVMs, unlike {@code String.hashCode} spreads over 64 bits. */
    static long fnv1a64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
