package com.topup.channel.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a surprising run has its surprise: one province, or the channel and carrier. */
class ChangeLocatorTest {

    private static final Instant T0 = Instant.parse("2026-11-26T06:00:00Z");

    /** {@code outcomes}: one letter per attempt, the province's initial, upper case for a failure. */
    private static RecentRun run(String outcomes, double predicted) {
        List<RecentRun.Judged> attempts = new ArrayList<>();
        for (int i = 0; i < outcomes.length(); i++) {
            char c = outcomes.charAt(i);
            attempts.add(new RecentRun.Judged(new SuccessModel.Observation("A", "CHINA_MOBILE",
                    String.valueOf(Character.toLowerCase(c)), 10_000, Character.isLowerCase(c), T0.plusSeconds(i), 300),
                    predicted));
        }
        return new RecentRun(attempts, null);
    }

    private static String locate(String outcomes, double predicted) {
        return ChangeLocator.locate(run(outcomes, predicted), 1e-3);
    }

    @Test
    void failuresOfOneProvinceAmongSuccessesElsewhereAreThatProvinces() {
        assertEquals("g", locate("bsGbsGhbsG", 0.99));
        assertEquals("g", locate("bsGbHGhbsG", 0.99), "a stray failure elsewhere (a chance of 6 % there) does not move it");
    }

    @Test
    void failuresOverManyProvincesAreTheChannelAndCarriers() {
        assertNull(locate("bSgHjBsgZj", 0.98));
        assertNull(locate("BBsHgJsZjs", 0.98), "two of five in one province do not make it the province's");
    }

    @Test
    void aRunFromOneProvinceGoesToTheProvince() {
        assertEquals("b", locate("BBBBbBBB", 0.95));
        assertEquals("b", locate("bbbbbbbbbb", 0.2));
    }
}
