package com.topup.bench;

import com.topup.devenv.FreePorts;
import com.topup.devenv.LocalApp;
import com.topup.devenv.LocalDirs;
import com.topup.devenv.LocalSimulator;
import com.topup.devenv.TestServices;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL, Kafka and Keycloak of their own, and app processes in the demo profile, each fresh app on a database of
 * its own: a run then inherits no orders, channel health figures or circuit states from an earlier run. Further
 * instances can join the current app on its database; with {@link #startWithSimulator} the suppliers are simulated
 * by a process of their own that every instance calls, instead of each app's own simulator.
 */
public final class BenchStack implements AutoCloseable {

    /** Durable commits, as in production: a commit waits for the disk (the money's invariant depends on it). */
    private final TestServices services = new TestServices(true);
    private final Map<String, String> config;
    private final Path logs;
    private final LocalSimulator simulator;
    private final List<LocalApp> apps = new ArrayList<>();
    private String database;

    private BenchStack(String logDir, Long simulatorSeed) {
        this.config = services.start();
        this.logs = LocalDirs.projectRoot().resolve("target").resolve(logDir);
        this.simulator = simulatorSeed == null ? null
                : LocalSimulator.start(config, simulatorSeed, logs.resolve("simulator.log"), Duration.ofMinutes(3));
    }

    public static BenchStack start(String logDir) {
        return new BenchStack(logDir, null);
    }

    /** As {@link #start(String)}, with the suppliers simulated in a process of their own (its staff API at {@link #simulatorUrl()}). */
    public static BenchStack startWithSimulator(String logDir, long seed) {
        return new BenchStack(logDir, seed);
    }

    public String simulatorUrl() {
        if (simulator == null) {
            throw new IllegalStateException("the apps simulate their suppliers themselves");
        }
        return simulator.url();
    }

    public String kafkaBootstrap() {
        return config.get("kafka.bootstrap.servers");
    }

    public long simulatorPid() {
        return simulator == null ? -1 : simulator.pid();
    }

    public String realmUrl() {
        return config.get(TestServices.KEYCLOAK_URL) + "/realms/topup";
    }

    /** Stops the apps under way, creates an empty database and starts a new app on it. */
    public LocalApp freshApp(String name) {
        stopApps();
        database = "topup_" + name.replaceAll("[^a-z0-9]", "_");
        execute(config.get("quarkus.datasource.jdbc.url"), "create database " + database);
        return startApp(name);
    }

    /** Stops the apps under way and starts a new one on the same database, as a restart or a new rollout would. */
    public LocalApp restartApp(String name) {
        if (database == null) {
            throw new IllegalStateException("no app started");
        }
        stopApps();
        return startApp(name);
    }

    /** Starts one more instance on the current app's database, beside the ones running. */
    public LocalApp addApp(String name) {
        if (database == null) {
            throw new IllegalStateException("no app started");
        }
        return startApp(name);
    }

    private LocalApp startApp(String name) {
        Map<String, String> appConfig = new HashMap<>();
        appConfig.put("quarkus.datasource.jdbc.url", jdbcUrl(database));
        appConfig.put("quarkus.datasource.username", config.get("quarkus.datasource.username"));
        appConfig.put("quarkus.datasource.password", config.get("quarkus.datasource.password"));
        appConfig.put("kafka.bootstrap.servers", config.get("kafka.bootstrap.servers"));
        appConfig.put("quarkus.oidc.auth-server-url", config.get("quarkus.oidc.auth-server-url"));
        // names the instance's connections in pg_stat_activity and its dispatch consumer in the broker's group
        appConfig.put("quarkus.datasource.jdbc.additional-jdbc-properties.ApplicationName", name);
        appConfig.put("mp.messaging.incoming.dispatch.client.id", name);
        if (simulator != null) {
            appConfig.putAll(simulator.platformSettings());
        }
        LocalApp app = LocalApp.start(name, FreePorts.next(), "demo", appConfig, logs.resolve(name + ".log"));
        apps.add(app);
        return app;
    }

    /** JDBC access to the current app's database, for the benchmark's own reads. */
    public Connection openDatabase() throws SQLException {
        if (apps.isEmpty()) {
            throw new IllegalStateException("no app started");
        }
        return DriverManager.getConnection(jdbcUrl(database), config.get("quarkus.datasource.username"),
                config.get("quarkus.datasource.password"));
    }

    private String jdbcUrl(String databaseName) {
        String url = config.get("quarkus.datasource.jdbc.url");
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + databaseName + (query < 0 ? "" : url.substring(query));
    }

    private void execute(String jdbcUrl, String statement) {
        try (Connection db = DriverManager.getConnection(jdbcUrl, config.get("quarkus.datasource.username"),
                config.get("quarkus.datasource.password")); Statement st = db.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + statement + "'", e);
        }
    }

    private void stopApps() {
        apps.forEach(LocalApp::close);
        apps.clear();
    }

    @Override
    public void close() {
        stopApps();
        if (simulator != null) {
            simulator.close();
        }
        services.stop();
    }
}
