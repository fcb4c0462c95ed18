package com.topup.channel.health;

import java.time.Instant;

/**
 * One row of {@code channel_circuit}, or the implied CLOSED circuit of a channel without a row
 * ({@code stored} false).
 *
 * @param countingSince   attempts started before this do not count towards opening; null: all count
 * @param generation      incremented on every change of state; probe permits carry it
 * @param version         incremented on every write; the guard of every update
 */
record CircuitRecord(String channelCode, CircuitState state, Instant changedAt, String reason, Instant countingSince,
                     int probesInFlight, int probeSuccesses, Instant probeChangedAt, long generation, int version,
                     boolean stored) {

    static CircuitRecord closedWithoutRow(String channelCode) {
        return new CircuitRecord(channelCode, CircuitState.CLOSED, Instant.EPOCH, null, null, 0, 0, null, 0, 0, false);
    }

    CircuitRecord opened(Instant now, String why) {
        return new CircuitRecord(channelCode, CircuitState.OPEN, now, why, countingSince, 0, 0, null,
                generation + 1, version + 1, true);
    }

    CircuitRecord halfOpened(Instant now, String why) {
        return new CircuitRecord(channelCode, CircuitState.HALF_OPEN, now, why, now, 0, 0, null,
                generation + 1, version + 1, true);
    }

    /** Closed, counting attempts from {@code countFrom} on. */
    CircuitRecord closed(Instant now, String why, Instant countFrom) {
        return new CircuitRecord(channelCode, CircuitState.CLOSED, now, why, countFrom, 0, 0, null,
                generation + 1, version + 1, true);
    }

    CircuitRecord withProbeAdmitted(Instant now) {
        return new CircuitRecord(channelCode, state, changedAt, reason, countingSince, probesInFlight + 1,
                probeSuccesses, now, generation, version + 1, true);
    }

    CircuitRecord withProbeSucceeded(Instant now) {
        return new CircuitRecord(channelCode, state, changedAt, reason, countingSince, Math.max(0, probesInFlight - 1),
                probeSuccesses + 1, now, generation, version + 1, true);
    }
}
