package com.topup.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.devenv.KeycloakTokens;
import com.topup.devenv.LocalApp;
import com.topup.devenv.TestServices;
import com.topup.devenv.TwoAppInstances;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Publish-to-live across two instances: starts its own PostgreSQL, Kafka and Keycloak and two app processes,
 * then N times drafts, submits and at once approves a routing version on the first instance and measures how
 * long after the approval answered the second instance decides with it. Run with bin/bench publish [N=20].
 */
public final class PublishBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private PublishBench() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        int publishes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        try (TwoAppInstances apps = TwoAppInstances.start("publish-bench")) {
            Map<String, String> config = apps.config();
            LocalApp first = apps.first();
            LocalApp second = apps.second();
            String realm = config.get(TestServices.KEYCLOAK_URL) + "/realms/topup";
            String seed;
            try (InputStream in = PublishBench.class.getResourceAsStream("/rules/routing.drl")) {
                seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < publishes; i++) {
                String analyst = KeycloakTokens.accessToken(realm, "topup-cli", "analyst", "analyst");
                String approver = KeycloakTokens.accessToken(realm, "topup-cli", "approver", "approver");
                int active = liveVersion(first);
                String drl = seed + "\nrule \"Exclude channels costing over " + (9_990 - i) + " bp\"\n    when\n"
                        + "        $c : ChannelFact( costRate > 0." + (9_990 - i) + " )\n    then\n"
                        + "        decision.exclude($c, \"too expensive\");\nend\n";
                HttpResponse<String> created = staff(first, analyst, "POST", "/admin/api/rulesets/routing/versions",
                        JSON.writeValueAsString(Map.of("drl", drl, "comment", "publish " + i, "baseVersion", active)));
                int version = JSON.readTree(created.body()).get("version").asInt();
                staff(first, analyst, "POST", "/admin/api/rulesets/routing/versions/" + version + "/submit", "");
                HttpResponse<String> approved = staff(first, approver, "POST",
                        "/admin/api/rulesets/routing/versions/" + version + "/approve", "");
                if (approved.statusCode() != 200) {
                    throw new IllegalStateException("approve failed: " + approved.body());
                }
                long start = System.nanoTime();
                while (liveVersion(second) != version) {
                    Thread.sleep(2);
                }
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
            List<Long> sorted = millis.stream().sorted().toList();
            System.out.printf("Publish-to-live on the second instance, %d publishes (approve right after submit): "
                            + "p50 %d ms, p99 %d ms, max %d ms; all: %s%n", publishes,
                    sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
                    sorted.get(sorted.size() - 1), millis);
        }
    }

    private static int liveVersion(LocalApp app) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(app.url() + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return Integer.parseInt(body.replaceAll("(?s).*\"routing\"\\s*:\\s*\"v(\\d+)\".*", "$1"));
    }

    private static HttpResponse<String> staff(LocalApp app, String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url() + path)).header("Authorization", "Bearer " + token);
        if (body.isEmpty()) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
