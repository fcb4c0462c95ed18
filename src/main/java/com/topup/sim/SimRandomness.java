package com.topup.sim;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * All simulated chance comes from one seed. Each order, status query, reversal and statement gets its own generator
 * derived from the seed and what identifies it (supplier, reference, query number, charge, day), so a replay with the
 * same seed gives every order the same fate whatever the order in which requests arrive.
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

    /** One charge's reversal: the same charge always draws the same, however often its reversal is asked. */
    public RandomGenerator forReversal(String supplier, String reference, String channelReference) {
        return new SplittableRandom(seed ^ fnv1a64(supplier + '\u0000' + reference + '\u0000' + channelReference) ^ 0x2545F4914F6CDD1DL);
    }

    public RandomGenerator forStatement(String supplier, java.time.LocalDate day) {
        return new SplittableRandom(seed ^ fnv1a64(supplier + '\u0000' + day) ^ 0x9E3779B97F4A7C15L);
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
