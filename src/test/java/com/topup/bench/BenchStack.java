package com.topup.bench;

import com.topup.devenv.FreePorts;
import com.topup.devenv.LocalApp;
import com.topup.devenv.LocalDirs;
import com.topup.devenv.TestServices;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * PostgreSQL, Kafka and Keycloak of their own, and one app process at a time in the demo profile, each app on a
 * database of its own: a run then inherits no orders, channel health figures or circuit states from an earlier run.
 */
public final class BenchStack implements AutoCloseable {

    private final TestServices services = new TestServices();
    private final Map<String, String> config;
    private final Path logs;
    private LocalApp app;
    private String database;

    private BenchStack(String logDir) {
        this.config = services.start();
        this.logs = LocalDirs.projectRoot().resolve("target").resolve(logDir);
    }

    public static BenchStack start(String logDir) {
        return new BenchStack(logDir);
    }

    public String realmUrl() {
        return config.get(TestServices.KEYCLOAK_URL) + "/realms/topup";
    }

    /** Stops the app under way, creates an empty database and starts a new app on it. */
    public LocalApp freshApp(String name) {
        stopApp();
        database = "topup_" + name.replaceAll("[^a-z0-9]", "_");
        execute(config.get("quarkus.datasource.jdbc.url"), "create database " + database);
        return startApp(name);
    }

    /** Stops the app under way and starts a new one on the same database, as a restart or a new rollout would. */
    public LocalApp restartApp(String name) {
        if (database == null) {
            throw new IllegalStateException("no app started");
        }
        stopApp();
        return startApp(name);
    }

    private LocalApp startApp(String name) {
        Map<String, String> appConfig = new HashMap<>();
        appConfig.put("quarkus.datasource.jdbc.url", jdbcUrl(database));
        appConfig.put("quarkus.datasource.username", config.get("quarkus.datasource.username"));
        appConfig.put("quarkus.datasource.password", config.get("quarkus.datasource.password"));
        appConfig.put("kafka.bootstrap.servers", config.get("kafka.bootstrap.servers"));
        appConfig.put("quarkus.oidc.auth-server-url", config.get("quarkus.oidc.auth-server-url"));
        app = LocalApp.start(name, FreePorts.next(), "demo", appConfig, logs.resolve(name + ".log"));
        return app;
    }

    /** JDBC access to the current app's database, for the benchmark's own reads. */
    public Connection openDatabase() throws SQLException {
        if (app == null) {
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

    private void stopApp() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    @Override
    public void close() {
        stopApp();
        services.stop();
    }
}
