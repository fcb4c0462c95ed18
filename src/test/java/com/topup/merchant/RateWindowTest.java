package com.topup.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateWindowTest {

    @Test
    void theLimitItselfIsAllowedAndOneMoreIsNot() {
        assertFalse(new RateWindow(1, 0).exceeds(1));
        assertFalse(new RateWindow(3, 10).exceeds(3));
        assertTrue(new RateWindow(4, 10).exceeds(3));
        assertTrue(new RateWindow(1_000_001, 999).exceeds(1_000_000));
    }

    @Test
    void retryAfterIsTheRestOfTheSecondRoundedUpToWholeSeconds() {
        assertEquals(1, new RateWindow(9, 0).retryAfterSeconds());
        assertEquals(1, new RateWindow(9, 500).retryAfterSeconds());
        assertEquals(1, new RateWindow(9, 999).retryAfterSeconds());
    }

    @Test
    void aWindowSeenFromALaggingClockStillAsksForAtLeastOneSecond() {
        // counted into a window a later request already opened: the window is ahead of this request's clock
        assertEquals(1, new RateWindow(9, -300).retryAfterSeconds());
        assertEquals(1, new RateWindow(9, 4_000).retryAfterSeconds());
    }
}
