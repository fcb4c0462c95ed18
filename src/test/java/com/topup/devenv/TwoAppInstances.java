package com.topup.devenv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Real PostgreSQL, Kafka and Keycloak with two processes of the packaged app sharing them. */
public final class TwoAppInstances implements AutoCloseable {

    private static final List<String> SHARED_SETTINGS = List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username",
            "quarkus.datasource.password", "kafka.bootstrap.servers", "quarkus.oidc.auth-server-url");

    private final TestServices services;
    private final Map<String, String> config;
    private final LocalApp first;
    private final LocalApp second;

    private TwoAppInstances(TestServices services, Map<String, String> config, LocalApp first, LocalApp second) {
        this.services = services;
        this.config = config;
        this.first = first;
        this.second = second;
    }

    /** Starts the services, then both apps in parallel; logs go to target/{logDir}. */
    public static TwoAppInstances start(String logDir) {
        TestServices services = new TestServices();
        Map<String, String> config = services.start();
        Map<String, String> appConfig = new HashMap<>();
        SHARED_SETTINGS.forEach(key -> appConfig.put(key, config.get(key)));
        var logs = LocalDirs.projectRoot().resolve("target").resolve(logDir);
        CompletableFuture<LocalApp> a = CompletableFuture.supplyAsync(() ->
                LocalApp.start("app-1", FreePorts.next(), "demo", appConfig, logs.resolve("app-1.log")));
        CompletableFuture<LocalApp> b = CompletableFuture.supplyAsync(() ->
                LocalApp.start("app-2", FreePorts.next(), "demo", appConfig, logs.resolve("app-2.log")));
        return new TwoAppInstances(services, config, a.join(), b.join());
    }

    /** The services' settings (JDBC URL, broker, Keycloak URL …). */
    public Map<String, String> config() {
        return config;
    }

    public LocalApp first() {
        return first;
    }

    public LocalApp second() {
        return second;
    }

    @Override
    public void close() {
        first.close();
        second.close();
        services.stop();
    }
}
