package com.topup.channel.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every channel's live figures — success rate, latency, load, today's usage — computed by PostgreSQL from the
 * attempts of all instances, so every instance sees the same figures. Decisions read the cached
 * {@link #snapshot()}; {@link HealthRefresher} replaces it every refresh interval with one query, which also
 * drives the circuit breakers.
 */
@ApplicationScoped
public class ChannelHealthService {

    private final HealthFiguresReader reader;
    private final CircuitBreakers breakers;
    private final HealthGauges gauges;
    private final HealthClock clock;
    private final ChannelHealthConfig config;
    private final SuccessRates successRates;
    private final long priorLatencyMillis;
    private volatile ChannelHealthSnapshot snapshot;

    ChannelHealthService(HealthFiguresReader reader, CircuitBreakers breakers, HealthGauges gauges, HealthClock clock,
                         ChannelHealthConfig config) {
        this.reader = reader;
        this.breakers = breakers;
        this.gauges = gauges;
        this.clock = clock;
        this.config = config;
        this.successRates = new SuccessRates(config.priorSuccessRate(), config.priorWeight());
        this.priorLatencyMillis = config.priorLatency().toMillis();
        this.snapshot = ChannelHealthSnapshot.empty(config.priorSuccessRate(), priorLatencyMillis);
    }

    /** The figures of the latest refresh; never queries the database. */
    public ChannelHealthSnapshot snapshot() {
        return snapshot;
    }

    /**
     * Reads the figures now (the whole window's tallies again), evaluates the circuit breakers on them and publishes
     * the new snapshot, without waiting for the next round. Never part of a caller's transaction:
     * the read is one statement, and each circuit transition commits on its own, so one lost race or failure
     * does not undo another channel's transition.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public ChannelHealthSnapshot refreshNow() {
        return refresh(true);
    }

    /** As {@link #refreshNow}, for the refresh rounds: reads only the tallies that may have changed since the last. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    ChannelHealthSnapshot refreshRound() {
        return refresh(false);
    }

    private synchronized ChannelHealthSnapshot refresh(boolean wholeWindow) {
        Instant now = clock.now();
        HealthFiguresReader.Reading reading = reader.read(now.minus(config.window()), now,
                config.circuit().evaluatedAttempts(), wholeWindow);
        breakers.refresh(reading.channels());
        ChannelHealthSnapshot next = build(now, reading);
        snapshot = next;
        gauges.track(next);
        return next;
    }

    private ChannelHealthSnapshot build(Instant now, HealthFiguresReader.Reading reading) {
        Map<String, Map<String, CarrierHealth>> carriers = new HashMap<>();
        for (HealthFiguresReader.CarrierRow row : reading.carriers()) {
            HealthFiguresReader.Figures f = row.figures();
            carriers.computeIfAbsent(row.code(), c -> new HashMap<>()).put(row.carrier(), new CarrierHealth(row.code(),
                    row.carrier(), f.finished(), f.succeeded(), successRates.of(f.succeeded(), f.finished()),
                    millis(f.latencyP50()), millis(f.latencyP95()), f.inFlight()));
        }
        Map<String, ChannelHealth> channels = new HashMap<>();
        for (HealthFiguresReader.ChannelRow row : reading.channels()) {
            HealthFiguresReader.Figures f = row.figures();
            channels.put(row.code(), new ChannelHealth(row.code(), f.finished(), f.succeeded(),
                    successRates.of(f.succeeded(), f.finished()), millis(f.latencyP50()), millis(f.latencyP95()),
                    f.inFlight(), row.usedToday(), Optional.ofNullable(row.dailyQuota()),
                    carriers.getOrDefault(row.code(), Map.of())));
        }
        return new ChannelHealthSnapshot(now, channels, config.priorSuccessRate(), priorLatencyMillis);
    }

    private long millis(Double latency) {
        return latency == null ? priorLatencyMillis : Math.round(latency);
    }
}
