package com.topup.sim;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.channel.ChannelService;
import com.topup.channel.ChannelUpdate;
import com.topup.channel.ChannelView;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Registers every simulated supplier as a channel at start (after the simulator has loaded its profile), at this instance's own address, with the
 * commercial terms of {@code sim/channels.json}. A channel that exists keeps what staff set; only a simulated
 * channel's base URL follows the instance it runs on.
 */
@ApplicationScoped
public class SimChannelSeeder {

    private static final Logger LOG = Logger.getLogger(SimChannelSeeder.class);
    static final String SYSTEM_ACTOR = "system:simulator";

    private final SimSuppliers suppliers;
    private final ChannelService channels;
    private final ObjectMapper json;

    public SimChannelSeeder(SimSuppliers suppliers, ChannelService channels, ObjectMapper json) {
        this.suppliers = suppliers;
        this.channels = channels;
        this.json = json;
    }

    record Terms(String name, int costRateBp, int capacity, int timeoutMs, int expectedCompletionMs) {
    }

    void seed(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        if (!suppliers.enabled()) {
            return;
        }
        Map<String, Terms> terms = terms();
        Map<String, ChannelView> existing = new java.util.HashMap<>();
        channels.list().forEach(c -> existing.put(c.code(), c));
        for (SimSupplier supplier : suppliers.list()) {
            String baseUrl = suppliers.baseUrl(supplier).toString();
            ChannelView current = existing.get(supplier.code());
            if (current == null) {
                Terms t = terms.getOrDefault(supplier.code(), new Terms(supplier.name(), 9_800, 100, 3_000, 30_000));
                channels.save(supplier.code(), new ChannelUpdate(t.name(), supplier.protocol(), baseUrl, supplier.secret(),
                        List.copyOf(supplier.carriers()), List.of(), List.of(), t.costRateBp(), t.capacity(), null,
                        t.timeoutMs(), t.expectedCompletionMs(), true), SYSTEM_ACTOR);
                LOG.infof("Simulated channel %s registered at %s", supplier.code(), baseUrl);
            } else if (!current.baseUrl().equals(baseUrl) && current.baseUrl().endsWith(supplier.basePath())) {
                channels.save(supplier.code(), new ChannelUpdate(null, null, baseUrl, null, null, null, null, null, null,
                        null, null, null, null), SYSTEM_ACTOR);
            }
        }
    }

    private Map<String, Terms> terms() {
        try (InputStream in = SimChannelSeeder.class.getResourceAsStream("/sim/channels.json")) {
            return in == null ? Map.of() : json.readValue(in, new TypeReference<Map<String, Terms>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
