package com.topup.channel.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The breaker's state machine as pure functions: from the current record and what happened to the next record,
 * or empty when nothing changes. Persisting the result (guarded) is {@link CircuitStore}'s job.
 * <pre>
 * CLOSED ──faults (share or in a row)──► OPEN ──open duration──► HALF_OPEN ──probe successes──► CLOSED
 *                                         ▲                          │
 *                                         └── a probe fails, or probe results stop arriving
 * </pre>
 */
final class CircuitTransitions {

    private CircuitTransitions() {
    }

    /** What the refresh thread decides from the latest figures: open on faults, half-open after the open duration. */
    static Optional<CircuitRecord> onRefresh(CircuitRecord current, RecentOutcomes recent, Instant now, CircuitPolicy policy) {
        return switch (current.state()) {
            case CLOSED -> tripReason(recent, policy).map(why -> current.opened(now, why));
            case OPEN -> now.isBefore(current.changedAt().plus(policy.openDuration()))
                    ? Optional.empty()
                    : Optional.of(current.halfOpened(now, "open for " + readable(policy.openDuration())));
            case HALF_OPEN -> probesLost(current, now, policy)
                    ? Optional.of(current.opened(now, "no probe result for " + readable(policy.probeTimeout())))
                    : Optional.empty();
        };
    }

    /** Why the circuit should open, if it should. */
    static Optional<String> tripReason(RecentOutcomes recent, CircuitPolicy policy) {
        int inARow = recent.latestFaultsInARow();
        if (inARow >= policy.consecutiveFailures()) {
            return Optional.of(inARow + " failures in a row");
        }
        int finished = recent.finished();
        if (finished >= policy.minVolume() && (double) recent.faults() / finished >= policy.failureThreshold()) {
            return Optional.of(recent.faults() + " of the last " + finished + " attempts failed");
        }
        return Optional.empty();
    }

    /** One more probe, if the circuit is half-open and fewer than the allowed probes are in flight. */
    static Optional<CircuitRecord> admitProbe(CircuitRecord current, Instant now, CircuitPolicy policy) {
        if (current.state() != CircuitState.HALF_OPEN || current.probesInFlight() >= policy.probeConcurrency()) {
            return Optional.empty();
        }
        return Optional.of(current.withProbeAdmitted(now));
    }

    /**
     * A probe's result. Results of probes granted in an earlier generation (the circuit has changed state since)
     * are ignored.
     */
    static Optional<CircuitRecord> probeFinished(CircuitRecord current, long permitGeneration, boolean success,
                                                 Instant now, CircuitPolicy policy) {
        if (current.state() != CircuitState.HALF_OPEN || current.generation() != permitGeneration) {
            return Optional.empty();
        }
        if (!success) {
            return Optional.of(current.opened(now, "probe failed"));
        }
        CircuitRecord counted = current.withProbeSucceeded(now);
        if (counted.probeSuccesses() >= policy.probeSuccesses()) {
            return Optional.of(current.closed(now, counted.probeSuccesses() + " probes succeeded", current.countingSince()));
        }
        return Optional.of(counted);
    }

    /** An operator takes the channel out; it recovers through half-open like after faults. */
    static Optional<CircuitRecord> openManually(CircuitRecord current, String actor, Instant now) {
        return current.state() == CircuitState.OPEN ? Optional.empty() : Optional.of(current.opened(now, "opened by " + actor));
    }

    /** An operator puts the channel back; earlier attempts no longer count towards opening. */
    static Optional<CircuitRecord> closeManually(CircuitRecord current, String actor, Instant now) {
        return current.state() == CircuitState.CLOSED ? Optional.empty() : Optional.of(current.closed(now, "closed by " + actor, now));
    }

    private static boolean probesLost(CircuitRecord current, Instant now, CircuitPolicy policy) {
        return current.probesInFlight() > 0 && current.probeChangedAt() != null
                && !now.isBefore(current.probeChangedAt().plus(policy.probeTimeout()));
    }

    /** 30s, 2m, 1m30s, 0.5s … */
    private static String readable(Duration duration) {
        return duration.toString().substring(2).toLowerCase();
    }
}
