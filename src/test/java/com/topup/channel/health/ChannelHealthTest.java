package com.topup.channel.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.common.db.Sql;
import com.topup.merchant.MerchantAccountService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChannelHealthTest {

    private static final double PRIOR = 0.95;
    private static final double PRIOR_WEIGHT = 5;

    @Inject
    ChannelHealthService health;
    @Inject
    CircuitBreakers breakers;
    @Inject
    MeterRegistry metrics;
    @Inject
    Sql sql;
    @Inject
    DataSource dataSource;
    @Inject
    MerchantAccountService accounts;
    @Inject
    OutcomeTallyCleaner cleaner;

    private AdjustableHealthClock clock;
    private HealthFixtures fixtures;

    @BeforeEach
    void setUp() {
        clock = new AdjustableHealthClock();
        QuarkusMock.installMockForType(clock, HealthClock.class);
        fixtures = new HealthFixtures(sql, dataSource, accounts);
    }

    @Test
    void figuresPerChannelAndCarrierOverTheWindow() {
        String code = HealthFixtures.uniqueCode("fig");
        Instant now = clock.now();
        fixtures.channel(code, 100_000L, now);
        fixtures.usage(code, now, 12_345);
        // CMCC: 8 successes (100..800 ms), 2 timeouts (900, 1000 ms) that are not the newest
        for (int i = 1; i <= 10; i++) {
            fixtures.finished(code, "CMCC", i >= 9 ? "TIMEOUT" : null, now.minusSeconds(120 - i), i * 100);
        }
        fixtures.finished(code, "CUCC", null, now.minusSeconds(10), 50);
        fixtures.finished(code, "CMCC", "TIMEOUT", now.minus(Duration.ofMinutes(10)), 5_000); // outside the window
        fixtures.inFlight(code, "CMCC", "PROCESSING", now.minusSeconds(5));
        fixtures.inFlight(code, "CMCC", "PROCESSING", now.minusSeconds(4));
        fixtures.inFlight(code, "CUCC", "SUBMITTING", now.minusSeconds(1));

        ChannelHealthSnapshot snapshot = health.refreshNow();

        ChannelHealth channel = snapshot.channel(code);
        assertEquals(11, channel.finished());
        assertEquals(9, channel.succeeded());
        assertEquals((9 + PRIOR * PRIOR_WEIGHT) / (11 + PRIOR_WEIGHT), channel.successRate(), 1e-9);
        // latencies are tallied in classes 5 % wide: a percentile is within 5 % of the exact one
        assertEquals(500, channel.latencyP50Millis(), 25); // 50, 100, …, 1000: the 6th of 11
        assertEquals(950, channel.latencyP95Millis(), 950 * 0.05); // interpolated between 900 and 1000
        assertEquals(3, channel.inFlight());
        assertEquals(12_345, channel.usedToday());
        assertEquals(100_000 - 12_345, channel.remainingDailyQuota());

        CarrierHealth cmcc = snapshot.carrier(code, "CMCC");
        assertEquals(10, cmcc.finished());
        assertEquals(8, cmcc.succeeded());
        assertEquals(955, cmcc.latencyP95Millis(), 955 * 0.05);
        assertEquals(2, cmcc.inFlight());
        CarrierHealth cucc = snapshot.carrier(code, "CUCC");
        assertEquals(1, cucc.finished());
        assertEquals(50, cucc.latencyP95Millis(), 50 * 0.05);
        assertEquals(1, cucc.inFlight());
        CarrierHealth ctcc = snapshot.carrier(code, "CTCC");
        assertEquals(0, ctcc.finished());
        assertEquals(PRIOR, ctcc.successRate(), 1e-9);

        assertEquals(CircuitState.CLOSED, breakers.state(code), "2 of 11 failed, not the newest");
        assertEquals(3.0, gauge("topup_channel_in_flight", code, ""));
        assertEquals(2.0, gauge("topup_channel_in_flight", code, "CMCC"));
        assertEquals(channel.latencyP95Millis(), gauge("topup_channel_latency_p95_ms", code, ""));
        assertEquals(0.0, metrics.get("topup_channel_circuit_state").tag("channel", code).gauge().value());
    }

    @Test
    void theTalliesFollowEveryChangeToAFinishedAttempt() {
        String code = HealthFixtures.uniqueCode("tally");
        Instant now = clock.now();
        fixtures.channel(code, null, now);
        for (int i = 0; i < 6; i++) {
            fixtures.finished(code, "CMCC", i < 2 ? "TIMEOUT" : null, now.minusSeconds(60 - i), 200 + i * 10);
        }
        String open = fixtures.predicted(code, "CUCC", true, 0.9, null);
        String late = sql.queryText("select min(id) from channel_attempt where channel_code = ? and status = 'FAILED'", code);
        String gone = sql.queryText("select max(id) from channel_attempt where channel_code = ? and status = 'SUCCEEDED'", code);

        sql.update("update channel_attempt set status = 'SUCCEEDED', error_class = null where id = ?", late); // late success
        sql.update("update channel_attempt set status = 'SUCCEEDED', finished_at = ?, latency_ms = 400 where id = ?",
                now.minusSeconds(1), open); // an open attempt finishes
        sql.update("update channel_attempt set next_query_at = ? where id = ?", now, late); // no figure changes
        sql.update("delete from channel_attempt where id = ?", gone);

        assertEquals(sql.queryText("""
                        select count(*) || '/' || count(*) filter (where status = 'SUCCEEDED') from channel_attempt
                        where channel_code = ? and status in ('SUCCEEDED', 'FAILED')""", code),
                sql.queryText("""
                        select sum(finished) || '/' || sum(succeeded) from channel_outcome_tally
                        where channel_code = ?""", code), "finished/succeeded: the attempts against their tallies");
        ChannelHealth channel = health.refreshNow().channel(code);
        assertEquals(6, channel.finished());
        assertEquals(5, channel.succeeded());
        assertEquals(1, health.snapshot().carrier(code, "CUCC").finished());
        assertEquals(400, health.snapshot().carrier(code, "CUCC").latencyP50Millis(), 400 * 0.05);
    }

    @Test
    void talliesOlderThanAnyWindowAreDeleted() {
        String code = HealthFixtures.uniqueCode("old");
        Instant now = clock.now();
        fixtures.channel(code, null, now);
        fixtures.finished(code, "CMCC", null, now.minus(Duration.ofMinutes(30)), 100);
        fixtures.finished(code, "CMCC", null, now.minusSeconds(30), 100);

        cleaner.clean();

        assertEquals("1", sql.queryText("select sum(finished)::text from channel_outcome_tally where channel_code = ?", code));
    }

    @Test
    void aChannelWithoutDataHasThePriorsAndNoQuota() {
        String code = HealthFixtures.uniqueCode("new");
        fixtures.channel(code, null, clock.now());

        ChannelHealth channel = health.refreshNow().channel(code);

        assertEquals(0, channel.finished());
        assertEquals(PRIOR, channel.successRate(), 1e-9);
        assertEquals(1000, channel.latencyP95Millis());
        assertEquals(Long.MAX_VALUE, channel.remainingDailyQuota());
        assertEquals(PRIOR, health.snapshot().channel("no-such-channel").successRate(), 1e-9);
    }

    @Test
    void channelFaultsInARowOpenTheCircuitOnce() {
        String code = HealthFixtures.uniqueCode("trip");
        Instant now = clock.now();
        fixtures.channel(code, null, now);
        for (int i = 0; i < 5; i++) {
            fixtures.finished(code, "CMCC", i % 2 == 0 ? "TIMEOUT" : "NETWORK", now.minusSeconds(30 - i), 3_000);
        }

        health.refreshNow();
        health.refreshNow();

        assertEquals(CircuitState.OPEN, breakers.state(code));
        assertEquals(CircuitState.OPEN, fixtures.circuit(code).state());
        assertEquals("OPEN", fixtures.transitions(code));
        assertEquals(1.0, transitionsCounted(code, "OPEN"));
        assertEquals(2.0, metrics.get("topup_channel_circuit_state").tag("channel", code).gauge().value());
    }

    @Test
    void businessRefusalsDoNotOpenTheCircuit() {
        String code = HealthFixtures.uniqueCode("stock");
        Instant now = clock.now();
        fixtures.channel(code, null, now);
        for (int i = 0; i < 12; i++) {
            fixtures.finished(code, "CMCC", i % 2 == 0 ? "OUT_OF_STOCK" : "REJECTED", now.minusSeconds(30 - i), 80);
        }

        ChannelHealth channel = health.refreshNow().channel(code);

        assertEquals(0, channel.succeeded(), "they still lower the success rate");
        assertEquals(CircuitState.CLOSED, breakers.state(code));
        assertEquals("", fixtures.transitions(code));
    }

    @Test
    void twoEvaluatorsOnTheSameFiguresMakeOneTransition() throws Exception {
        String code = HealthFixtures.uniqueCode("race");
        fixtures.channel(code, null, clock.now());
        RecentOutcomes faults = new RecentOutcomes(List.of(true, true, true, true, true));

        // no row yet: both try to insert it
        CircuitRecord none = fixtures.circuit(code);
        assertEquals(1, winners(() -> breakers.evaluate(none, faults)));
        assertEquals("OPEN", fixtures.transitions(code));

        breakers.closeManually(code, "operator-1");
        assertEquals("OPEN,CLOSED", fixtures.transitions(code));

        // a stored row: both try the guarded update from the same version
        CircuitRecord closed = fixtures.circuit(code);
        assertEquals(1, winners(() -> breakers.evaluate(closed, faults)));
        assertEquals("OPEN,CLOSED,OPEN", fixtures.transitions(code));
        assertEquals(2.0, transitionsCounted(code, "OPEN"));
    }

    @Test
    void openHalfOpensAfterTheOpenDurationAndProbeSuccessesCloseIt() {
        String code = openedChannel("heal");

        clock.advance(Duration.ofSeconds(29));
        health.refreshNow();
        assertEquals(CircuitState.OPEN, breakers.state(code));
        assertEquals(Optional.empty(), breakers.tryAcquireProbe(code), "no probes while open");

        clock.advance(Duration.ofSeconds(1));
        health.refreshNow();
        assertEquals(CircuitState.HALF_OPEN, breakers.state(code));

        ProbePermit first = breakers.tryAcquireProbe(code).orElseThrow();
        ProbePermit second = breakers.tryAcquireProbe(code).orElseThrow();
        assertEquals(Optional.empty(), breakers.tryAcquireProbe(code), "two probes at most at once");
        breakers.probeFinished(first, true);
        ProbePermit third = breakers.tryAcquireProbe(code).orElseThrow();
        breakers.probeFinished(second, true);
        assertEquals(CircuitState.HALF_OPEN, breakers.state(code));
        breakers.probeFinished(third, true);

        assertEquals(CircuitState.CLOSED, breakers.state(code));
        assertEquals(CircuitState.CLOSED, fixtures.circuit(code).state());
        health.refreshNow();
        assertEquals(CircuitState.CLOSED, breakers.state(code), "the failures from before probing no longer count");
        assertEquals("OPEN,HALF_OPEN,CLOSED", fixtures.transitions(code));
        assertEquals(Optional.empty(), breakers.tryAcquireProbe(code), "no probes when closed");
    }

    @Test
    void aFailedProbeOpensAgainAndLateProbeResultsAreIgnored() {
        String code = openedChannel("relapse");
        clock.advance(Duration.ofSeconds(30));
        health.refreshNow();
        ProbePermit failing = breakers.tryAcquireProbe(code).orElseThrow();
        ProbePermit late = breakers.tryAcquireProbe(code).orElseThrow();

        breakers.probeFinished(failing, false);
        assertEquals(CircuitState.OPEN, breakers.state(code));
        breakers.probeFinished(late, true);
        assertEquals(CircuitState.OPEN, fixtures.circuit(code).state());

        clock.advance(Duration.ofSeconds(30));
        health.refreshNow();
        assertEquals(CircuitState.HALF_OPEN, breakers.state(code));
        breakers.probeFinished(late, true);
        assertEquals(0, fixtures.circuit(code).probeSuccesses(), "a permit of an earlier half-open does not count");
        assertEquals("OPEN,HALF_OPEN,OPEN,HALF_OPEN", fixtures.transitions(code));
    }

    /** A new channel whose circuit the refresh has just opened after five timeouts. */
    private String openedChannel(String prefix) {
        String code = HealthFixtures.uniqueCode(prefix);
        Instant now = clock.now();
        fixtures.channel(code, null, now);
        for (int i = 0; i < 5; i++) {
            fixtures.finished(code, "CMCC", "TIMEOUT", now.minusSeconds(30 - i), 3_000);
        }
        health.refreshNow();
        assertEquals(CircuitState.OPEN, breakers.state(code));
        return code;
    }

    private double gauge(String name, String code, String carrier) {
        Gauge gauge = metrics.get(name).tag("channel", code).tag("carrier", carrier).gauge();
        return gauge.value();
    }

    private double transitionsCounted(String code, String to) {
        Counter counter = metrics.find("topup_channel_circuit_transitions_total").tag("channel", code).tag("to", to).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Runs the call on two threads at once and counts how many returned true. */
    private static int winners(Callable<Boolean> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Boolean> gated = () -> {
                start.await();
                return call.call();
            };
            Future<Boolean> a = pool.submit(gated);
            Future<Boolean> b = pool.submit(gated);
            start.countDown();
            return (a.get() ? 1 : 0) + (b.get() ? 1 : 0);
        } finally {
            pool.shutdownNow();
        }
    }
}
