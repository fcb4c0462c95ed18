package com.topup.channel.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each part of a calibration period is read from: whole hours of a window from the hourly buckets, the rest of
 * the window from the 5-minute ones, and whatever finished after the roll-up's mark from the attempts themselves.
 * The period's start and the windows' length must be whole 5 minutes of UTC, as the roll-up's mark always is.
 */
final class CalibrationSpans {

    private static final Duration HOUR = Duration.ofHours(1);

    private CalibrationSpans() {
    }

    /** Buckets of {@code grainMinutes} starting in [from, to), all inside window {@code window}. */
    record Span(int grainMinutes, Instant from, Instant to, int window) {
    }

    /** The spans read from the roll-up and the start of what is read from the attempts (up to the period's end). */
    record Plan(List<Span> rolled, Instant recentFrom) {
    }

    /**
     * @param rolledTo every attempt finished before this is counted in the roll-up; null when nothing is
     */
    static Plan plan(Instant from, Duration window, int windows, Instant rolledTo) {
        Instant to = from.plus(window.multipliedBy(windows));
        Instant mark = rolledTo == null ? from : clamp(rolledTo, from, to);
        List<Span> spans = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            Instant start = from.plus(window.multipliedBy(w));
            Instant end = clamp(mark, start, start.plus(window));
            if (!end.isAfter(start)) {
                break;
            }
            Instant firstHour = CalibrationRollup.ceil(start, HOUR);
            Instant lastHour = CalibrationRollup.floor(end, HOUR);
            if (firstHour.isBefore(lastHour)) {
                add(spans, 5, start, firstHour, w);
                add(spans, 60, firstHour, lastHour, w);
                add(spans, 5, lastHour, end, w);
            } else {
                add(spans, 5, start, end, w);
            }
        }
        return new Plan(List.copyOf(spans), mark);
    }

    private static void add(List<Span> spans, int grainMinutes, Instant from, Instant to, int window) {
        if (to.isAfter(from)) {
            spans.add(new Span(grainMinutes, from, to, window));
        }
    }

    private static Instant clamp(Instant t, Instant min, Instant max) {
        return t.isBefore(min) ? min : t.isAfter(max) ? max : t;
    }
}
