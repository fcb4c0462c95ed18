package com.topup.sim;

import com.topup.channel.CallbackAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The simulated suppliers for whoever registers them as channels: code, protocol, secret, base path and the base URL
 * the platform reaches them at. With the simulator on, the suppliers it runs; with it off and {@code topup.sim.base-url}
 * set, the suppliers of the profile file, served by a simulator elsewhere; else none.
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

    /** Whether there are simulated suppliers to register as channels: served here, or elsewhere at the base URL. */
    public boolean enabled() {
        return simulator.enabled() || config.baseUrl().isPresent();
    }

    public List<SimSupplier> list() {
        if (simulator.enabled()) {
            return simulator.suppliers().stream().map(SimSuppliers::describe).toList();
        }
        if (config.baseUrl().isPresent()) {
            return SimProfiles.loadResource(config.profile()).stream().map(SimSuppliers::describe).toList();
        }
        return List.of();
    }

    public Optional<SimSupplier> find(String code) {
        return list().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** {@code {topup.sim.base-url or this application's own address}/sim/{code}}. */
    public URI baseUrl(SimSupplier supplier) {
        String root = config.baseUrl().map(URI::toString).orElseGet(() -> self.ownBaseUrl());
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + supplier.basePath());
    }

    static String basePath(String code) {
        return "/sim/" + code;
    }

    private static SimSupplier describe(SimSupplierState state) {
        return new SimSupplier(state.code(), state.name(), state.protocol(), state.secret(), basePath(state.code()),
                new TreeSet<>(state.behaviour().successRate().keySet()));
    }

    private static SimSupplier describe(SimSupplierProfile profile) {
        return new SimSupplier(profile.code(), profile.name() == null ? profile.code() : profile.name(), profile.protocol(),
                profile.secret(), basePath(profile.code()), new TreeSet<>(profile.behaviour().successRate().keySet()));
    }
}
