package com.topup.channel.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Exports the latest figures per channel and per channel and carrier; gauges are registered the first time a
 * channel (or carrier of a channel) shows up and then always read the newest snapshot.
 * The whole-channel series carry an empty {@code carrier} tag, which Prometheus treats as no label: its registry
 * refuses one name with different tag keys.
 */
@ApplicationScoped
class HealthGauges {

    private final MeterRegistry registry;
    private final CircuitBreakers breakers;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile ChannelHealthSnapshot latest;

    HealthGauges(MeterRegistry registry, CircuitBreakers breakers) {
        this.registry = registry;
        this.breakers = breakers;
    }

    void track(ChannelHealthSnapshot snapshot) {
        latest = snapshot;
        for (ChannelHealth channel : snapshot.channels().values()) {
            String code = channel.channelCode();
            if (registered.add(code)) {
                Tags tags = Tags.of("channel", code, "carrier", "");
                gauge("topup_channel_success_rate", tags, s -> s.channel(code).successRate());
                gauge("topup_channel_latency_p50_ms", tags, s -> s.channel(code).latencyP50Millis());
                gauge("topup_channel_latency_p95_ms", tags, s -> s.channel(code).latencyP95Millis());
                gauge("topup_channel_in_flight", tags, s -> s.channel(code).inFlight());
                Gauge.builder("topup_channel_circuit_state", () -> breakers.state(code).gaugeValue())
                        .tags("channel", code).register(registry);
            }
            for (String carrier : channel.byCarrier().keySet()) {
                if (registered.add(code + '\u0000' + carrier)) {
                    Tags tags = Tags.of("channel", code, "carrier", carrier);
                    gauge("topup_channel_success_rate", tags, s -> s.carrier(code, carrier).successRate());
                    gauge("topup_channel_latency_p50_ms", tags, s -> s.carrier(code, carrier).latencyP50Millis());
                    gauge("topup_channel_latency_p95_ms", tags, s -> s.carrier(code, carrier).latencyP95Millis());
                    gauge("topup_channel_in_flight", tags, s -> s.carrier(code, carrier).inFlight());
                }
            }
        }
    }

    private void gauge(String name, Tags tags, ToDoubleFunction<ChannelHealthSnapshot> value) {
        Gauge.builder(name, () -> value.applyAsDouble(latest)).tags(tags).register(registry);
    }
}
