package com.topup.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.devenv.LocalApp;
import com.topup.devenv.LocalDirs;
import com.topup.devenv.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console in a real browser: Debian's Chromium, driven by playwright-core (admin-ui/e2e), logs in through the
 * real Keycloak login page to the packaged app on real PostgreSQL, Kafka and Keycloak. Runs after packaging
 * (failsafe), since the console is part of the packaged app. Screenshots of every page go to
 * target/console-screenshots.
 */
class ConsoleBrowserIT {

    /** The realm's console client lists this port's /admin/* as a redirect URI (deploy/keycloak/topup-realm.json). */
    private static final int PORT = 8081;
    private static final List<String> SHARED = List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username",
            "quarkus.datasource.password", "kafka.bootstrap.servers", "quarkus.oidc.auth-server-url");

    private static TestServices services;
    private static LocalApp app;
    private static String keycloakUrl;

    @BeforeAll
    static void start() {
        services = new TestServices();
        Map<String, String> config = services.start();
        keycloakUrl = config.get(TestServices.KEYCLOAK_URL);
        Map<String, String> appConfig = new HashMap<>();
        SHARED.forEach(key -> appConfig.put(key, config.get(key)));
        app = LocalApp.start("console-app", PORT, "demo", appConfig,
                LocalDirs.projectRoot().resolve("target/console-app.log"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (services != null) {
            services.stop();
        }
    }

    @Test
    void consoleScenariosPassInChromium() throws IOException, InterruptedException {
        Path root = LocalDirs.projectRoot();
        Path ui = root.resolve("admin-ui");
        String chromium = System.getenv().getOrDefault("TOPUP_CHROMIUM", "/usr/bin/chromium");
        assertTrue(Files.isExecutable(Path.of(chromium)), "No Chromium at " + chromium + ": run bin/install-chromium");
        assertTrue(Files.isDirectory(ui.resolve("node_modules/playwright-core")), "admin-ui/node_modules is missing: "
                + "package the app first (./mvnw package installs the console's packages)");
        Path screenshots = root.resolve("target/console-screenshots");
        Files.createDirectories(screenshots);

        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-concurrency=1", "--test-reporter=spec", "e2e/")
                .directory(ui.toFile())
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("target/console-e2e.log").toFile());
        node.environment().put("CONSOLE_URL", app.url() + "/admin/");
        node.environment().put("KEYCLOAK_URL", keycloakUrl);
        node.environment().put("CHROMIUM", chromium);
        node.environment().put("SCREENSHOTS", screenshots.toString());
        Process process = node.start();
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        System.out.println(Files.readString(root.resolve("target/console-e2e.log")));
        assertTrue(finished, "the browser tests did not finish within 15 minutes");
        assertEquals(0, process.exitValue(), "browser tests failed (output above and in target/console-e2e.log; app log target/console-app.log, "
                + "screenshots " + screenshots + ")");
    }
}
