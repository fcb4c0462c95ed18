package com.topup.repair;

import com.topup.rules.model.AnomalyKind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Open anomalies by kind as Prometheus gauges ({@code topup_anomalies_open}), refreshed from the database. */
@ApplicationScoped
public class RepairGauges {

    private final AnomalyStore store;
    private final Map<AnomalyKind, AtomicLong> open = new EnumMap<>(AnomalyKind.class);

    public RepairGauges(AnomalyStore store, MeterRegistry metrics) {
        this.store = store;
        for (AnomalyKind kind : AnomalyKind.values()) {
            AtomicLong value = new AtomicLong();
            open.put(kind, value);
            Gauge.builder("topup_anomalies_open", value, AtomicLong::get).tag("kind", kind.name())
                    .description("Anomalies waiting for an automatic step or a person").register(metrics);
        }
    }

    @Scheduled(every = "10s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refresh() {
        Map<String, Long> counts = store.openCounts();
        open.forEach((kind, value) -> value.set(counts.getOrDefault(kind.name(), 0L)));
    }
}
