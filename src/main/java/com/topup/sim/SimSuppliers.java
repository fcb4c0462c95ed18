package com.topup.sim;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The simulated suppliers for whoever registers them as channels: code, protocol, secret, base path and the base URL
 * the platform reaches them at. Empty when the simulator is off.
 */
@ApplicationScoped
public class SimSuppliers {

    private final SupplierSimulator simulator;
    private final SimConfig config;
    private volatile URI selfUrl;

    public SimSuppliers(SupplierSimulator simulator, SimConfig config,
                        @ConfigProperty(name = "quarkus.http.host", defaultValue = "127.0.0.1") String host,
                        @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        this.simulator = simulator;
        this.config = config;
        this.selfUrl = URI.create("http://" + reachable(host) + ":" + port);
    }

    void httpStarted(@Observes HttpServerStart start) {
        selfUrl = URI.create("http://" + reachable(start.options().getHost()) + ":" + start.options().getPort());
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
        String root = config.baseUrl().map(URI::toString).orElse(selfUrl.toString());
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + supplier.basePath());
    }

    static String basePath(String code) {
        return "/sim/" + code;
    }

    private static SimSupplier describe(SimSupplierState state) {
        return new SimSupplier(state.code(), state.name(), state.protocol(), state.secret(), basePath(state.code()),
                new TreeSet<>(state.behaviour().successRate().keySet()));
    }

    private static String reachable(String host) {
        return host == null || host.isBlank() || "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
    }
}
