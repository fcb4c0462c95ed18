package com.topup.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The manifests' probe paths and metric names asked of a running instance: every probe path answers UP, every metric
 * the alerts and the dashboard use that does not come from the app's own code (JVM, process, HTTP server) is on
 * /q/metrics, and every app series on /q/metrics has the name the code scan of {@link AppMeters} expects.
 */
@QuarkusTest
class DeploymentAgainstRunningAppTest {

    @Test
    void everyProbePathOfTheDeploymentAnswersUp() {
        Manifests.load().probePaths().forEach((probe, path) ->
                given().get(path).then().statusCode(200).body("status", equalTo("UP")));
    }

    @Test
    void theMetricsTheAlertsAndTheDashboardUseAreTheOnesTheAppExposes() {
        given().get("/api/v1/balance"); // the HTTP server meters appear with the first application request
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> exposed = exposedSeries(body);
        List<String> expressions = new ArrayList<>(Manifests.load().alertExpressions());
        expressions.addAll(Manifests.dashboardExpressions());
        Set<String> missing = new TreeSet<>();
        for (String expr : expressions) {
            for (String metric : DeploymentManifestsTest.metrics(expr)) {
                if (!metric.startsWith("topup_") && !exposed.contains(metric)) {
                    missing.add(metric);
                }
            }
        }
        assertEquals(Set.of(), missing, "not on /q/metrics");
        Set<String> unknownLabels = new TreeSet<>();
        for (String expr : expressions) {
            Set<String> others = DeploymentManifestsTest.metrics(expr);
            others.removeIf(metric -> metric.startsWith("topup_"));
            for (String name : labelsUsed(others, expr)) {
                boolean known = DeploymentManifestsTest.SCRAPE_LABELS.contains(name) || others.stream().anyMatch(metric ->
                        Pattern.compile("(?m)^" + metric + "\\{[^}]*\\b" + name + "=").matcher(body).find());
                if (!known) {
                    unknownLabels.add(name + " in " + expr);
                }
            }
        }
        assertEquals(Set.of(), unknownLabels, "labels not on those series of /q/metrics");

        AppMeters meters = AppMeters.scan();
        Set<String> app = new TreeSet<>(exposed);
        app.removeIf(name -> !name.startsWith("topup_"));
        assertTrue(app.containsAll(Set.of("topup_outbox_pending", "topup_notify_undelivered", "topup_anomalies_open",
                "topup_channel_circuit_state")), "gauges registered at start: " + app);
        app.removeIf(meters::has);
        assertEquals(Set.of(), app, "exposed under a name the code scan does not predict");
    }

    /** Labels an expression groups by or selects on, when it uses any of these (non-app) metrics. */
    private static Set<String> labelsUsed(Set<String> metrics, String expr) {
        Set<String> labels = new TreeSet<>();
        if (metrics.isEmpty()) {
            return labels;
        }
        Matcher by = DeploymentManifestsTest.BY.matcher(expr);
        while (by.find()) {
            for (String label : by.group(1).split(",")) {
                labels.add(label.strip());
            }
        }
        for (String metric : metrics) {
            Matcher selector = Pattern.compile("\\b" + metric + "\\{([^}]*)}").matcher(expr);
            while (selector.find()) {
                Matcher label = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(?:=~|!=|!~|=)").matcher(selector.group(1));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
        }
        return labels;
    }

    private static Set<String> exposedSeries(String body) {
        Set<String> names = new TreeSet<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }
}
