package com.topup.channel.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CircuitTransitionsTest {

    private static final CircuitPolicy POLICY = new CircuitPolicy(20, 10, 0.5, 5, Duration.ofSeconds(30), 2, 3,
            Duration.ofMinutes(2));
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void closedStaysClosedBelowMinimumVolumeEvenIfAllButTheNewestFailed() {
        // 4 faults then the newest a success: 4 of 5 failed but only 5 finished (< 10) and no 5 in a row
        RecentOutcomes recent = newestFirst(false, true, true, true, true);
        assertEquals(Optional.empty(), CircuitTransitions.onRefresh(closed(), recent, T0, POLICY));
    }

    @Test
    void closedOpensAtTheFailureShareWithEnoughVolume() {
        RecentOutcomes recent = newestFirst(alternating(10)); // 5 faults of 10, newest a success
        CircuitRecord next = CircuitTransitions.onRefresh(closed(), recent, T0, POLICY).orElseThrow();
        assertEquals(CircuitState.OPEN, next.state());
        assertEquals(T0, next.changedAt());
        assertEquals("5 of the last 10 attempts failed", next.reason());
        assertEquals(1, next.generation());
    }

    @Test
    void closedStaysClosedJustBelowTheShare() {
        List<Boolean> outcomes = new ArrayList<>(alternating(10));
        outcomes.set(1, false); // 4 of 10
        assertEquals(Optional.empty(), CircuitTransitions.onRefresh(closed(), new RecentOutcomes(outcomes), T0, POLICY));
    }

    @Test
    void consecutiveFaultsOpenWithoutMinimumVolume() {
        RecentOutcomes recent = newestFirst(true, true, true, true, true);
        CircuitRecord next = CircuitTransitions.onRefresh(closed(), recent, T0, POLICY).orElseThrow();
        assertEquals(CircuitState.OPEN, next.state());
        assertEquals("5 failures in a row", next.reason());
    }

    @Test
    void faultsInARowCountOnlyFromTheNewestAttempt() {
        RecentOutcomes recent = newestFirst(false, true, true, true, true, true);
        assertEquals(Optional.empty(), CircuitTransitions.onRefresh(closed(), recent, T0, POLICY));
    }

    @Test
    void openBecomesHalfOpenOnlyAfterTheOpenDuration() {
        CircuitRecord open = closed().opened(T0, "faults");
        assertEquals(Optional.empty(), CircuitTransitions.onRefresh(open, RecentOutcomes.none(), T0.plusSeconds(29), POLICY));
        CircuitRecord half = CircuitTransitions.onRefresh(open, RecentOutcomes.none(), T0.plusSeconds(30), POLICY).orElseThrow();
        assertEquals(CircuitState.HALF_OPEN, half.state());
        assertEquals(T0.plusSeconds(30), half.countingSince(), "only attempts from now on count");
        assertEquals(2, half.generation());
    }

    @Test
    void openIgnoresFaultFigures() {
        CircuitRecord open = closed().opened(T0, "faults");
        assertEquals(Optional.empty(), CircuitTransitions.onRefresh(open, newestFirst(true, true, true, true, true),
                T0.plusSeconds(1), POLICY));
    }

    @Test
    void halfOpenAdmitsAtMostTheProbeConcurrency() {
        CircuitRecord half = halfOpen();
        CircuitRecord one = CircuitTransitions.admitProbe(half, T0, POLICY).orElseThrow();
        CircuitRecord two = CircuitTransitions.admitProbe(one, T0, POLICY).orElseThrow();
        assertEquals(2, two.probesInFlight());
        assertEquals(Optional.empty(), CircuitTransitions.admitProbe(two, T0, POLICY));
        assertEquals(Optional.empty(), CircuitTransitions.admitProbe(closed(), T0, POLICY), "no probes when closed");
        assertEquals(Optional.empty(), CircuitTransitions.admitProbe(closed().opened(T0, "x"), T0, POLICY), "nor when open");
    }

    @Test
    void probeSuccessesCloseTheCircuit() {
        CircuitRecord c = halfOpen();
        long generation = c.generation();
        for (int i = 1; i <= 2; i++) {
            c = CircuitTransitions.admitProbe(c, T0, POLICY).orElseThrow();
            c = CircuitTransitions.probeFinished(c, generation, true, T0, POLICY).orElseThrow();
            assertEquals(CircuitState.HALF_OPEN, c.state());
            assertEquals(i, c.probeSuccesses());
            assertEquals(0, c.probesInFlight());
        }
        c = CircuitTransitions.admitProbe(c, T0, POLICY).orElseThrow();
        CircuitRecord closed = CircuitTransitions.probeFinished(c, generation, true, T0.plusSeconds(5), POLICY).orElseThrow();
        assertEquals(CircuitState.CLOSED, closed.state());
        assertEquals(0, closed.probeSuccesses());
        assertEquals(0, closed.probesInFlight());
        assertEquals(c.countingSince(), closed.countingSince(), "failures from before half-open stay out of the count");
        assertEquals(generation + 1, closed.generation());
    }

    @Test
    void aProbeFailureOpensAgain() {
        CircuitRecord c = CircuitTransitions.admitProbe(halfOpen(), T0, POLICY).orElseThrow();
        CircuitRecord open = CircuitTransitions.probeFinished(c, c.generation(), false, T0.plusSeconds(1), POLICY).orElseThrow();
        assertEquals(CircuitState.OPEN, open.state());
        assertEquals(T0.plusSeconds(1), open.changedAt(), "the open duration starts again");
        assertEquals("probe failed", open.reason());
    }

    @Test
    void probeResultsOfAnEarlierGenerationAreIgnored() {
        CircuitRecord c = CircuitTransitions.admitProbe(halfOpen(), T0, POLICY).orElseThrow();
        assertEquals(Optional.empty(), CircuitTransitions.probeFinished(c, c.generation() - 1, false, T0, POLICY));
        assertEquals(Optional.empty(), CircuitTransitions.probeFinished(closed(), 0, false, T0, POLICY));
    }

    @Test
    void lostProbesReopenAfterTheProbeTimeout() {
        CircuitRecord c = CircuitTransitions.admitProbe(halfOpen(), T0, POLICY).orElseThrow();
        assertEquals(Optional.empty(), CircuitTransitions.onRefresh(c, RecentOutcomes.none(), T0.plusSeconds(119), POLICY));
        CircuitRecord open = CircuitTransitions.onRefresh(c, RecentOutcomes.none(), T0.plusSeconds(120), POLICY).orElseThrow();
        assertEquals(CircuitState.OPEN, open.state());
        assertEquals(Optional.empty(), CircuitTransitions.onRefresh(halfOpen(), RecentOutcomes.none(), T0.plusSeconds(600), POLICY),
                "a half-open circuit without probes waits for traffic");
    }

    @Test
    void operatorsOpenAndClose() {
        CircuitRecord open = CircuitTransitions.openManually(closed(), "op", T0).orElseThrow();
        assertEquals(CircuitState.OPEN, open.state());
        assertEquals("opened by op", open.reason());
        assertEquals(Optional.empty(), CircuitTransitions.openManually(open, "op", T0));
        CircuitRecord closed = CircuitTransitions.closeManually(open, "op", T0.plusSeconds(3)).orElseThrow();
        assertEquals(CircuitState.CLOSED, closed.state());
        assertEquals(T0.plusSeconds(3), closed.countingSince());
    }

    @Test
    void faultsAreTheChannelsOnly() {
        assertTrue(ChannelFaults.isFault("FAILED", "TIMEOUT"));
        assertTrue(ChannelFaults.isFault("FAILED", "INVALID_RESPONSE"));
        assertTrue(ChannelFaults.isFault("FAILED", null));
        assertFalse(ChannelFaults.isFault("FAILED", "OUT_OF_STOCK"));
        assertFalse(ChannelFaults.isFault("FAILED", "REJECTED"));
        assertFalse(ChannelFaults.isFault("SUCCEEDED", null));
    }

    @Test
    void successRateIsSmoothedTowardsThePrior() {
        SuccessRates rates = new SuccessRates(0.95, 5);
        assertEquals(0.95, rates.of(0, 0), 1e-9);
        assertEquals(4.75 / 6, rates.of(0, 1), 1e-9);
        assertEquals((90 + 4.75) / 105, rates.of(90, 100), 1e-9);
        assertEquals(0.5, new SuccessRates(0.95, 0).of(1, 2), 1e-9);
        assertEquals(0.95, new SuccessRates(0.95, 0).of(0, 0), 1e-9);
    }

    private static CircuitRecord closed() {
        return CircuitRecord.closedWithoutRow("CH");
    }

    private static CircuitRecord halfOpen() {
        return closed().opened(T0.minusSeconds(60), "faults").halfOpened(T0.minusSeconds(30), "open for 30s");
    }

    private static RecentOutcomes newestFirst(Boolean... faults) {
        return new RecentOutcomes(List.of(faults));
    }

    private static RecentOutcomes newestFirst(List<Boolean> faults) {
        return new RecentOutcomes(faults);
    }

    /** n outcomes, newest a success, then fault, success, … */
    private static List<Boolean> alternating(int n) {
        List<Boolean> outcomes = new ArrayList<>(Collections.nCopies(n, false));
        for (int i = 1; i < n; i += 2) {
            outcomes.set(i, true);
        }
        return outcomes;
    }
}
