package com.topup.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.devenv.ConsoleLoginOrigins;
import com.topup.devenv.FreePorts;
import com.topup.devenv.LocalApp;
import com.topup.devenv.LocalDirs;
import com.topup.devenv.TestServices;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        // Held orders within seconds (five status queries), and a 300-yuan order already needs a second operator.
        appConfig.put("topup.channel.query-interval", "1s");
        appConfig.put("topup.repair.four-eyes-amount", "20000");
        int port = FreePorts.next();
        ConsoleLoginOrigins.allow(keycloakUrl, "topup", "topup-console", "http://127.0.0.1:" + port);
        app = LocalApp.start("console-app", port, "demo", appConfig,
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

    /** A reload or a bookmark of any console route gets the console; unknown API paths keep the JSON 404. */
    @Test
    void deepLinksServeTheConsoleAndUnknownApiPathsStayJson() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        for (String route : List.of("/admin", "/admin/", "/admin/dashboard", "/admin/rules/routing", "/admin/orders/o-123",
                "/admin/audit?actor=admin")) {
            HttpResponse<String> page = get(http, route);
            assertEquals(200, page.statusCode(), route);
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), route);
            assertTrue(page.body().contains("<div id=\"root\">"), route + " should serve the console's index.html");
            assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElse(""), route);
        }
        for (String path : List.of("/admin/api/nothing-here", "/admin/api/orders/o-1/no/such/part", "/admin/assets/none.js",
                "/api/v1/nothing")) {
            HttpResponse<String> answer = get(http, path);
            assertEquals(404, answer.statusCode(), path);
            assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""), path);
            assertTrue(answer.body().contains("\"code\":\"NOT_FOUND\""), path + ": " + answer.body());
            assertFalse(answer.body().contains("<html"), path);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(app.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
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
