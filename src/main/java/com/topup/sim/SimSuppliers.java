package com.topup.sim;

import com.topup.channel.CallbackAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The simulated suppliers for whoever registers them as channels: code, protocol, secret, base path and the base URL
 * the platform reaches them at. Empty when the simulator is off.
 */
@ApplicationScoped
public class SimSuppliers {

    private final SupplierSimulator simulator;
    private final SimConfig config;
    private final CallbackAddress self;

    public SimSuppliers(SupplierSimulator simulator, SimConfig config, CallbackAddress self) {
        this.simulator = simulator;
        this.config = config;
        this.self = self;
    }

    public boolean enabled() {
        return simulator.enabled();
    }

    public List<SimSupplier> list() {
        if (!simulator.enabled()) {
            return List.of();
        }
        return simulator.suppliers().stream().map(SimSuppliers::describe).toList();
    }

    public Optional<SimSupplier> find(String code) {
        return simulator.enabled() ? simulator.supplier(code).map(SimSuppliers::describe) : Optional.empty();
    }

    /** {@code {topup.sim.base-url or this application's own address}/sim/{code}}. */
    public URI baseUrl(SimSupplier supplier) {
        String root = config.baseUrl().map(URI::toString).orElse(self.ownBaseUrl());
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + supplier.basePath());
    }

    static String basePath(String code) {
        return "/sim/" + code;
    }

    private static SimSupplier describe(SimSupplierState state) {
        return new SimSupplier(state.code(), state.name(), state.protocol(), state.secret(), basePath(state.code()),
                new TreeSet<>(state.behaviour().successRate().keySet()));
    }

}
