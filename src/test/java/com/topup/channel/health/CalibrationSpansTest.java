package com.topup.channel.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationSpansTest {

    private static final Instant TO = Instant.parse("2026-11-30T10:35:00Z");

    @Test
    void aWeekReadsWholeHoursHourlyAndTheRestOfEachWindowInFiveMinutes() {
        Instant rolled = TO.minus(Duration.ofMinutes(10));
        CalibrationSpans.Plan plan = plan(168, rolled);
        assertCovers(plan, 168, rolled);
        assertEquals(rolled, plan.recentFrom());
        // window 0 starts 10:35 a week back: 10:35–11:00 by 5 minutes, 11:00–00:00 hourly, 00:00–00:35 by 5 minutes
        assertEquals(new CalibrationSpans.Span(5, Instant.parse("2026-11-23T10:35:00Z"), Instant.parse("2026-11-23T11:00:00Z"), 0),
                plan.rolled().get(0));
        assertEquals(new CalibrationSpans.Span(60, Instant.parse("2026-11-23T11:00:00Z"), Instant.parse("2026-11-24T00:00:00Z"), 0),
                plan.rolled().get(1));
        assertEquals(new CalibrationSpans.Span(5, Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2026-11-24T00:35:00Z"), 0),
                plan.rolled().get(2));
        long hourly = plan.rolled().stream().filter(s -> s.grainMinutes() == 60)
                .mapToLong(s -> Duration.between(s.from(), s.to()).toHours()).sum();
        assertEquals(168 - 12, hourly, "every window of 14 hours gives 13 whole hours, the last one stops at 10:00");
    }

    @Test
    void anHourReadsFiveMinuteBucketsOnly() {
        Instant rolled = TO.minus(Duration.ofMinutes(5));
        CalibrationSpans.Plan plan = plan(1, rolled);
        assertCovers(plan, 1, rolled);
        assertTrue(plan.rolled().stream().allMatch(s -> s.grainMinutes() == 5));
        assertEquals(11, plan.rolled().size(), "one span per window before the mark");
    }

    @Test
    void nothingRolledOrRolledBeforeThePeriodReadsEverythingFromTheAttempts() {
        for (Instant rolled : new Instant[] {null, TO.minus(Duration.ofDays(3))}) {
            CalibrationSpans.Plan plan = plan(24, rolled);
            assertEquals(List.of(), plan.rolled());
            assertEquals(TO.minus(Duration.ofHours(24)), plan.recentFrom());
        }
    }

    @Test
    void aMarkBeyondThePeriodReadsEverythingFromTheRollUp() {
        CalibrationSpans.Plan plan = plan(24, TO.plus(Duration.ofHours(1)));
        assertCovers(plan, 24, TO);
        assertEquals(TO, plan.recentFrom());
    }

    private static CalibrationSpans.Plan plan(int hours, Instant rolled) {
        return CalibrationSpans.plan(TO.minus(Duration.ofHours(hours)), Duration.ofHours(hours).dividedBy(12), 12, rolled);
    }

    /** The spans tile [from, until) without gaps or overlaps, each inside its window and aligned to its grain. */
    private static void assertCovers(CalibrationSpans.Plan plan, int hours, Instant until) {
        Instant from = TO.minus(Duration.ofHours(hours));
        Duration window = Duration.ofHours(hours).dividedBy(12);
        List<CalibrationSpans.Span> spans = plan.rolled().stream()
                .sorted(Comparator.comparing(CalibrationSpans.Span::from)).toList();
        Instant next = from;
        for (CalibrationSpans.Span s : spans) {
            assertEquals(next, s.from(), "no gap or overlap before " + s);
            Duration grain = Duration.ofMinutes(s.grainMinutes());
            assertEquals(s.from(), CalibrationRollup.floor(s.from(), grain), "aligned start " + s);
            assertEquals(s.to(), CalibrationRollup.floor(s.to(), grain), "aligned end " + s);
            Instant windowStart = from.plus(window.multipliedBy(s.window()));
            assertTrue(!s.from().isBefore(windowStart) && !s.to().isAfter(windowStart.plus(window)), "inside its window " + s);
            next = s.to();
        }
        assertEquals(until, next, "covers up to the mark");
    }
}
