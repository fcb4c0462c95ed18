package com.topup.devenv;

import com.topup.merchant.RequestSignature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The one-command product start (bin/start): PostgreSQL, Kafka and Keycloak with data under ./data, the supplier
 * simulator in a process of its own, then the packaged app in the demo profile calling it. The suppliers remember their
 * orders while the app dies and comes back: an app that ends (a crash, {@code kill -9}) is started again on the same
 * data. Ctrl-C stops everything it started.
 */
public final class Launcher {

    /** A slow first start on a busy machine (two apps, cold caches) takes longer than the usual two minutes. */
    private static final Duration READY_WITHIN = Duration.ofMinutes(4);

    private static volatile boolean stopping;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        // The first use of logging initialises the log manager; doing it here, before any other thread
        // starts, avoids a class-initialisation deadlock between threads that log for the first time.
        java.util.logging.LogManager.getLogManager();
        int httpPort = env("TOPUP_HTTP_PORT", 8080);
        int keycloakPort = env("TOPUP_KEYCLOAK_PORT", 8180);
        int kafkaPort = env("TOPUP_KAFKA_PORT", 9092);
        int kafkaControllerPort = env("TOPUP_KAFKA_CONTROLLER_PORT", 9093);
        int postgresPort = env("TOPUP_PG_PORT", 5433);
        int simulatorPort = env("TOPUP_SIM_PORT", 8090);
        Path data = Path.of(System.getenv().getOrDefault("TOPUP_DATA_DIR", "data")).toAbsolutePath();
        Files.createDirectories(data);
        for (int port : new int[] {httpPort, keycloakPort, kafkaPort, kafkaControllerPort, postgresPort, simulatorPort}) {
            if (ManagedProcess.portOpen(port)) {
                throw new IllegalStateException("Port " + port + " is taken: is bin/start already running? "
                        + "Ports can be changed with TOPUP_HTTP_PORT, TOPUP_KEYCLOAK_PORT, TOPUP_KAFKA_PORT, "
                        + "TOPUP_KAFKA_CONTROLLER_PORT, TOPUP_PG_PORT, TOPUP_SIM_PORT");
            }
        }

        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping = true, "launcher-stopping"));
        long started = System.nanoTime();
        say("Starting PostgreSQL, Kafka and Keycloak (data in " + data + ") ...");
        EarlyLogging.initialise();
        CompletableFuture<LocalKeycloak> keycloakStart = CompletableFuture.supplyAsync(() ->
                LocalKeycloak.start(keycloakPort, data.resolve("keycloak"), true, List.of(LocalDirs.realmFile())));
        LocalPostgres postgres = LocalPostgres.start(postgresPort, data.resolve("postgres"), true, true);
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-postgres"));
        LocalKafka kafka = LocalKafka.start(kafkaPort, kafkaControllerPort, data.resolve("kafka"));
        LocalKeycloak keycloak = keycloakStart.join();

        ConsoleLoginOrigins.allow(keycloak.url(), "topup", "topup-console", "http://127.0.0.1:" + httpPort);
        Map<String, String> services = Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password(),
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.oidc.auth-server-url", keycloak.realmUrl("topup"));
        say("Starting the supplier simulator ...");
        LocalSimulator simulator = LocalSimulator.start(services, simulatorPort, null, data.resolve("simulator.log"),
                READY_WITHIN);
        Map<String, String> appConfig = new HashMap<>(services);
        appConfig.putAll(simulator.platformSettings());
        say("Starting the app ...");
        LocalApp app = startApp(httpPort, appConfig, data);

        printBanner(app, simulator, postgres, kafka, keycloak, data, (System.nanoTime() - started) / 1_000_000_000.0);
        while (!stopping) {
            if (!simulator.isAlive()) {
                stop("The supplier simulator stopped; see " + data.resolve("simulator.log") + ".");
            }
            if (!app.isAlive() && !stopping) {
                app = restart(app, httpPort, appConfig, data);
            }
            Thread.sleep(500);
        }
    }

    private static LocalApp startApp(int httpPort, Map<String, String> config, Path data) {
        return LocalApp.start("app", httpPort, "demo", config, data.resolve("app.log"), READY_WITHIN);
    }

    /** The app ended on its own: start it again on the same data, as a supervisor would; the suppliers stay up. */
    private static LocalApp restart(LocalApp ended, int httpPort, Map<String, String> config, Path data) {
        ended.close();
        say("The app (pid " + ended.pid() + ") ended; see " + ended.logFile() + ". Starting it again on the same data ...");
        try {
            LocalApp app = startApp(httpPort, config, data);
            say("The app is back at " + app.url() + " (pid " + app.pid() + ").");
            return app;
        } catch (IllegalStateException e) {
            if (stopping) {
                return ended;
            }
            stop("The app did not start again: " + e.getMessage() + ".");
            return ended;
        }
    }

    private static void stop(String why) {
        say(why + " Stopping the services.");
        System.exit(1);
    }

    private static void printBanner(LocalApp app, LocalSimulator simulator, LocalPostgres postgres, LocalKafka kafka,
                                    LocalKeycloak keycloak, Path data, double seconds) {
        String appUrl = app.url();
        String path = "/api/v1/balance";
        String timestamp = Long.toString(System.currentTimeMillis());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String signature = RequestSignature.sign("demo-merchant-secret".getBytes(StandardCharsets.UTF_8),
                RequestSignature.canonical("GET", path, timestamp, nonce, new byte[0]));
        System.out.printf("""

                TopUp Back Office is running (ready in %.0f s). Ctrl-C stops everything.

                  Console      %s/admin/   (log in as analyst, approver, operator, auditor or admin; password = user name)
                  App          %s   (pid %d; API docs %s/q/swagger-ui, health %s/q/health/ready; started again if it ends)
                  Simulator    %s   (pid %d; suppliers under /sim/{code}, their staff API under /admin/api/sim)
                  Keycloak     %s   (realm topup; users analyst, approver, operator, auditor, admin; password = user name)
                  Kafka        %s
                  PostgreSQL   %s   (user postgres, password postgres)
                  Logs, data   %s

                Demo merchants: demo-merchant / demo-merchant-secret, demo-merchant-2 / demo-merchant-2-secret

                Place and look up orders with the signing client:
                  bin/merchant place A-1001 13800138000 10000
                  bin/merchant get <orderId>
                  bin/merchant balance

                Or paste this signed request (valid for 5 minutes):
                  curl -s %s%s -H 'X-Merchant-Id: demo-merchant' -H 'X-Timestamp: %s' -H 'X-Nonce: %s' -H 'X-Signature: %s'

                """, seconds, appUrl, appUrl, app.pid(), appUrl, appUrl, simulator.url(), simulator.pid(), keycloak.url(), kafka.bootstrapServers(), postgres.jdbcUrl(), data,
                appUrl, path, timestamp, nonce, signature);
    }

    private static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
