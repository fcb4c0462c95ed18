package com.topup.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.rules.SeedRules;
import org.junit.jupiter.api.Test;

class RoutingVariantTest {

    private final String seed = SeedRules.of("routing").orElseThrow().current();

    @Test
    void weightsAndThresholdsAreSubstitutedInTheScoresAndConditions() {
        String drl = RoutingVariant.parse("wc=1.5,wl=0.05,prefer=0.9,avoid=0.75").apply(seed);
        assertEquals(3, count(drl, " - 1.5 * $channel.getCostRate() - 0.05 * $channel.getExpectedLatencyMillis() / 1000,"));
        assertTrue(drl.contains("predictedSuccess >= 0.9 )"));
        assertTrue(drl.contains("predictedSuccess >= 0.75, predictedSuccess < 0.9 )"));
        assertEquals(2, count(drl, "predictedSuccess < 0.75"));
        assertFalse(drl.contains("predictedSuccess >= 0.85") || drl.contains("predictedSuccess < 0.85"));
    }

    @Test
    void theSeedVariantKeepsTheSeedScores() {
        String drl = RoutingVariant.SEED.apply(seed);
        assertEquals(count(seed, " - $channel.getCostRate(),"), count(drl, " - 1 * $channel.getCostRate(),"));
        assertFalse(drl.contains("getExpectedLatencyMillis"));
        assertEquals("wc=1 wl=0", RoutingVariant.SEED.name());
    }

    @Test
    void aTextWithoutTheSeedScoreIsRefused() {
        assertThrows(IllegalStateException.class, () -> RoutingVariant.SEED.apply(seed.replace("getCostRate()", "x")));
        assertThrows(IllegalArgumentException.class, () -> RoutingVariant.parse("wc=1,speed=2"));
        assertThrows(IllegalArgumentException.class, () -> RoutingVariant.parse("prefer=0.6,avoid=0.7"));
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }
}
