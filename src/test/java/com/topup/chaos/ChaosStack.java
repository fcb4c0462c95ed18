package com.topup.chaos;

import com.topup.devenv.Databases;
import com.topup.devenv.EarlyLogging;
import com.topup.devenv.FreePorts;
import com.topup.devenv.LocalApp;
import com.topup.devenv.LocalDirs;
import com.topup.devenv.LocalKafka;
import com.topup.devenv.LocalKeycloak;
import com.topup.devenv.LocalPostgres;
import com.topup.devenv.LocalSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What a drill runs on: real PostgreSQL (durable commits, data kept across its own restarts), Kafka and Keycloak, the
 * supplier simulator in a process of its own, and two app instances (demo profile) on a database per drill. Each
 * piece can be killed, stopped and started again while the others stay up.
 */
final class ChaosStack implements AutoCloseable {

    /** Two instances starting at once on a machine shared with builds have taken over two minutes. */
    static final java.time.Duration READY_WITHIN = java.time.Duration.ofMinutes(5);

    private final Path root;
    private final Path logs;
    private final int postgresPort = FreePorts.next();
    private final Map<String, String> appSettings;
    private LocalPostgres postgres;
    private final LocalKafka kafka;
    private final LocalKeycloak keycloak;
    private final LocalSimulator simulator;
    private final List<LocalApp> apps = new ArrayList<>(List.of());
    private final List<Integer> appPorts = new ArrayList<>();
    private Map<String, String> platformConfig;
    private String database;

    /** @param appSettings extra settings of the platform instances (e.g. a faster merchant callback retry schedule) */
    private ChaosStack(String runName, long seed, Map<String, String> appSettings) {
        this.appSettings = appSettings;
        try {
            Path target = LocalDirs.projectRoot().resolve("target").resolve("chaos");
            Files.createDirectories(target);
            root = Files.createTempDirectory(target, runName + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        logs = root.resolve("logs");
        EarlyLogging.initialise();
        CompletableFuture<LocalKeycloak> keycloakStart = CompletableFuture.supplyAsync(() -> LocalKeycloak.start(
                FreePorts.next(), root.resolve("keycloak"), false, List.of(LocalDirs.realmFile())));
        postgres = LocalPostgres.start(postgresPort, root.resolve("postgres"), true, true);
        kafka = LocalKafka.start(FreePorts.next(), FreePorts.next(), root.resolve("kafka"));
        keycloak = keycloakStart.join();
        simulator = LocalSimulator.start(services(postgres.jdbcUrl()), seed, logs.resolve("simulator.log"), READY_WITHIN);
    }

    static ChaosStack start(String runName, long seed, Map<String, String> appSettings) {
        return new ChaosStack(runName, seed, appSettings);
    }

    private Map<String, String> services(String jdbcUrl) {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.oidc.auth-server-url", keycloak.realmUrl("topup"));
        return config;
    }

    /** Stops the instances under way and starts two new ones on an empty database named after the drill. */
    void freshPlatform(String name) {
        stopApps();
        database = "topup_" + name.toLowerCase().replaceAll("[^a-z0-9]", "_");
        String jdbcUrl = Databases.recreate(postgres.jdbcUrl(), postgres.username(), postgres.password(), database);
        platformConfig = services(jdbcUrl);
        platformConfig.putAll(simulator.platformSettings());
        platformConfig.putAll(appSettings);
        appPorts.clear();
        appPorts.add(FreePorts.next());
        appPorts.add(FreePorts.next());
        CompletableFuture<LocalApp> first = CompletableFuture.supplyAsync(() -> startApp(0, name));
        CompletableFuture<LocalApp> second = CompletableFuture.supplyAsync(() -> startApp(1, name));
        apps.add(first.join());
        apps.add(second.join());
    }

    private LocalApp startApp(int index, String drill) {
        String name = "app-" + (index + 1);
        return LocalApp.start(name, appPorts.get(index), "demo", platformConfig, logs.resolve(drill + "-" + name + ".log"),
                READY_WITHIN);
    }

    /** kill -9 of one instance. */
    void killInstance(int index) {
        apps.get(index).kill();
    }

    /** Starts the instance again on its port and waits until it is ready. */
    void restartInstance(int index, String drill) {
        apps.get(index).close();
        apps.set(index, startApp(index, drill + "-restarted"));
    }

    void stopKafka() {
        kafka.stop();
    }

    void startKafka() {
        kafka.start(READY_WITHIN);
    }

    /** A clean stop of PostgreSQL and a start on the same data and port. */
    void restartPostgres() {
        postgres.close();
        postgres = LocalPostgres.start(postgresPort, root.resolve("postgres"), true, true);
    }

    /** The instances' addresses, for the load; an instance that is down stays in the list (as behind a balancer). */
    List<String> instanceUrls() {
        return apps.stream().map(LocalApp::url).toList();
    }

    String simulatorUrl() {
        return simulator.url();
    }

    String realmUrl() {
        return keycloak.realmUrl("topup");
    }

    String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    Path logs() {
        return logs;
    }

    /** The OS process ids of the app instances and the simulator, for the soak's figures. */
    List<Long> appPids() {
        return apps.stream().map(LocalApp::pid).toList();
    }

    Connection openDatabase() throws SQLException {
        return DriverManager.getConnection(platformConfig.get("quarkus.datasource.jdbc.url"), postgres.username(),
                postgres.password());
    }

    private void stopApps() {
        apps.forEach(LocalApp::close);
        apps.clear();
    }

    @Override
    public void close() {
        stopApps();
        simulator.close();
        keycloak.close();
        kafka.close();
        postgres.close();
    }
}
