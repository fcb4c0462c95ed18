package com.topup.devenv;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The supplier simulator in a process of its own, so the suppliers outlive any platform instance and keep what they
 * were told (orders, charges, pending result callbacks) while instances die and restart: the packaged app in the demo
 * profile on a database of its own. Platform instances started with {@link #platformSettings()} leave their own
 * simulator off and register its suppliers as channels at this process's address.
 *
 * <p>Everything else such a process runs stays on its own data: its dispatch consumer reads a topic and group of its own
 * (it has no orders, and must never take {@code topup.dispatch} work of the platform), its scanners and relay see only
 * its own database. Only its rule-set activation at start reaches the shared {@code topup.rules-changed}, which makes the
 * platform instances re-read their own active versions: nothing changes.
 */
public final class LocalSimulator implements AutoCloseable {

    public static final String DATABASE = "topup_simulator";

    private final LocalApp app;

    private LocalSimulator(LocalApp app) {
        this.app = app;
    }

    /**
     * @param services the shared settings (datasource of the server, Kafka, Keycloak) as the apps get them
     * @param seed     the simulator's seed, so a run can be replayed
     */
    public static LocalSimulator start(Map<String, String> services, long seed, Path logFile, Duration readyWithin) {
        return start(services, FreePorts.next(), seed, logFile, readyWithin);
    }

    /**
     * As {@link #start(Map, long, Path, Duration)} on a given port; a null seed draws a fresh one (shown by its staff
     * API). Its database is created anew: the suppliers' memory is the process's, and lasts as long as the process.
     */
    public static LocalSimulator start(Map<String, String> services, int port, Long seed, Path logFile,
                                       Duration readyWithin) {
        String jdbcUrl = Databases.recreate(services.get("quarkus.datasource.jdbc.url"),
                services.get("quarkus.datasource.username"), services.get("quarkus.datasource.password"), DATABASE);
        Map<String, String> config = new HashMap<>(services);
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.jdbc.max-size", "8");
        config.put("topup.sim.enabled", "true");
        if (seed != null) {
            config.put("topup.sim.seed", Long.toString(seed));
        }
        config.put("mp.messaging.incoming.dispatch.topic", "topup.simulator-host.dispatch");
        config.put("mp.messaging.incoming.dispatch.group.id", "topup-simulator-host");
        return new LocalSimulator(LocalApp.start("simulator", port, "demo", config, logFile, readyWithin));
    }

    /** The simulator's address: suppliers under /sim/{code}, its staff API under /admin/api/sim. */
    public String url() {
        return app.url();
    }

    /** What a platform instance needs to call these suppliers instead of a simulator of its own. */
    public Map<String, String> platformSettings() {
        return Map.of("topup.sim.enabled", "false", "topup.sim.base-url", app.url());
    }

    public long pid() {
        return app.pid();
    }

    public boolean isAlive() {
        return app.isAlive();
    }

    @Override
    public void close() {
        app.close();
    }
}
