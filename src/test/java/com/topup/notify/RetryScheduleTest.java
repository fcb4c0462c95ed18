package com.topup.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant FIRST = Instant.parse("2025-01-01T00:00:00Z");
    private static final RetrySchedule CONTRACT = new RetrySchedule(
            List.of(Duration.ofSeconds(15), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
                    Duration.ofHours(2), Duration.ofHours(6)),
            Duration.ofHours(24));

    @Test
    void waitsGrowAndTheLastOneRepeats() {
        assertEquals(Optional.of(FIRST.plusSeconds(15)), CONTRACT.nextAttempt(FIRST, 1, FIRST));
        Instant failed = FIRST.plusSeconds(15);
        assertEquals(Optional.of(failed.plus(Duration.ofMinutes(1))), CONTRACT.nextAttempt(FIRST, 2, failed));
        assertEquals(Optional.of(failed.plus(Duration.ofHours(6))), CONTRACT.nextAttempt(FIRST, 6, failed));
        assertEquals(Optional.of(failed.plus(Duration.ofHours(6))), CONTRACT.nextAttempt(FIRST, 7, failed));
    }

    @Test
    void instantFailuresAreTriedOnTheContractsScheduleForADay() {
        List<Duration> sinceFirst = new ArrayList<>();
        Instant at = FIRST;
        int attempt = 1;
        for (Optional<Instant> next = CONTRACT.nextAttempt(FIRST, attempt, at); next.isPresent();
             next = CONTRACT.nextAttempt(FIRST, ++attempt, at)) {
            at = next.get();
            sinceFirst.add(Duration.between(FIRST, at));
        }
        assertEquals(List.of(Duration.parse("PT15S"), Duration.parse("PT1M15S"), Duration.parse("PT6M15S"),
                Duration.parse("PT36M15S"), Duration.parse("PT2H36M15S"), Duration.parse("PT8H36M15S"),
                Duration.parse("PT14H36M15S"), Duration.parse("PT20H36M15S")), sinceFirst);
        assertEquals(9, attempt, "the 9th failed attempt is the last: a 10th would be after 24 h");
    }

    @Test
    void aRetryExactlyAtTheDeadlineIsStillMade() {
        Instant failed = FIRST.plus(Duration.ofHours(18));
        assertEquals(Optional.of(FIRST.plus(Duration.ofHours(24))), CONTRACT.nextAttempt(FIRST, 8, failed));
        assertTrue(CONTRACT.nextAttempt(FIRST, 8, failed.plusMillis(1)).isEmpty());
    }

    @Test
    void aFailureLongAfterTheDeadlineGivesUp() {
        assertTrue(CONTRACT.nextAttempt(FIRST, 1, FIRST.plus(Duration.ofDays(2))).isEmpty());
    }

    @Test
    void needsAtLeastOnePositiveInterval() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of(), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of(Duration.ZERO), Duration.ofHours(1)));
    }
}
