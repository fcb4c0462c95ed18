package com.topup.devenv;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Starts the real PostgreSQL, Kafka and Keycloak once for the whole test run, on free loopback ports and in
 * throwaway directories, so the tests run beside a running launcher.
 * Tests that simulate a broker outage find its process, ports and directory in the configuration.
 */
public class TestServices implements QuarkusTestResourceLifecycleManager {

    public static final String KAFKA_PID = "topup.test.kafka.pid";
    public static final String KAFKA_CONTROLLER_PORT = "topup.test.kafka.controller-port";
    public static final String KAFKA_DIR = "topup.test.kafka.dir";
    public static final String KEYCLOAK_URL = "topup.test.keycloak-url";

    private final boolean durable;
    private Path root;
    private LocalPostgres postgres;
    private LocalKafka kafka;
    private LocalKeycloak keycloak;

    /** For tests: commits do not wait for the disk. */
    public TestServices() {
        this(false);
    }

    /** @param durable whether commits wait for the disk, as in production (the benchmarks) */
    public TestServices(boolean durable) {
        this.durable = durable;
    }

    @Override
    public Map<String, String> start() {
        try {
            Path target = LocalDirs.projectRoot().resolve("target").resolve("test-services");
            Files.createDirectories(target);
            root = Files.createTempDirectory(target, "run-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EarlyLogging.initialise();
        CompletableFuture<LocalKeycloak> keycloakStart = CompletableFuture.supplyAsync(() -> LocalKeycloak.start(
                FreePorts.next(), root.resolve("keycloak"), false,
                List.of(LocalDirs.realmFile(), LocalDirs.realmFile().resolveSibling("test-other-realm.json"))));
        postgres = LocalPostgres.start(FreePorts.next(), root.resolve("postgres"), false, durable);
        kafka = LocalKafka.start(FreePorts.next(), FreePorts.next(), root.resolve("kafka"));
        keycloak = keycloakStart.join();

        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.oidc.auth-server-url", keycloak.realmUrl("topup"));
        config.put(KEYCLOAK_URL, keycloak.url());
        config.put(KAFKA_PID, Long.toString(kafka.pid()));
        config.put(KAFKA_CONTROLLER_PORT, Integer.toString(kafka.controllerPort()));
        config.put(KAFKA_DIR, kafka.dataDir().toString());
        return config;
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        deleteQuietly(root);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // leftovers under target/ go with the next clean
        }
    }
}
