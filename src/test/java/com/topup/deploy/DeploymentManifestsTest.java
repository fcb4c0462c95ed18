package com.topup.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifests under deploy/k8s checked against the app they deploy: its port, the health paths it serves, every
 * setting it needs in production, the metrics it registers, the topics it uses, and the brief's autoscaling.
 * Plain and fast; {@code DeploymentAgainstRunningAppTest} asks a running instance the same questions.
 */
class DeploymentManifestsTest {

    static final Pattern METRIC = Pattern.compile("\\b((?:topup|jvm|process|http_server|system)_[a-z0-9_]+)\\b");
    private static final Pattern SELECTOR = Pattern.compile("\\b(topup_[a-z0-9_]+)\\{([^}]*)}");
    private static final Pattern LABEL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(?:=~|!=|!~|=)");
    static final Pattern BY = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");
    /** Labels Prometheus adds to every scraped series (target and Kubernetes metadata). */
    static final Set<String> SCRAPE_LABELS = Set.of("pod", "instance", "namespace", "job", "service", "container");

    private final Manifests manifests = Manifests.load();
    private final AppConfiguration config = AppConfiguration.load();

    @Test
    void theContainerListensOnTheAppsPortAndTheServiceAndProbesUseIt() {
        int appPort = Integer.parseInt(config.prod("quarkus.http.port", "8080"));
        JsonNode port = manifests.container().path("ports").get(0);
        assertEquals(appPort, port.path("containerPort").asInt(), "containerPort = quarkus.http.port");
        String portName = port.path("name").asText();
        JsonNode servicePort = manifests.one("Service").path("spec").path("ports").get(0);
        String target = servicePort.path("targetPort").asText();
        assertTrue(target.equals(portName) || target.equals(String.valueOf(appPort)), "the Service targets the app's port");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            String probePort = manifests.container().path(probe).path("httpGet").path("port").asText();
            assertTrue(probePort.equals(portName) || probePort.equals(String.valueOf(appPort)), probe + " asks the app's port");
        }
        assertEquals(manifests.one("Deployment").path("spec").path("selector").path("matchLabels"),
                manifests.one("Service").path("spec").path("selector"), "the Service selects the Deployment's pods");
    }

    @Test
    void probesAskTheHealthPathsTheAppServes() {
        assertEquals(servedHealthPaths(config), manifests.probePaths());
    }

    /** SmallRye Health's paths under the non-application root, as configured in application.properties. */
    static Map<String, String> servedHealthPaths(AppConfiguration config) {
        String root = "/" + strip(config.prod("quarkus.http.non-application-root-path", "q")) + "/"
                + strip(config.prod("quarkus.smallrye-health.root-path", "health")) + "/";
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("livenessProbe", root + strip(config.prod("quarkus.smallrye-health.liveness-path", "live")));
        paths.put("readinessProbe", root + strip(config.prod("quarkus.smallrye-health.readiness-path", "ready")));
        paths.put("startupProbe", root + strip(config.prod("quarkus.smallrye-health.startup-path", "started")));
        return paths;
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    @Test
    void everySettingTheAppNeedsInProductionIsGivenAndSecretsComeFromTheSecret() throws IOException {
        Set<String> required = config.requiredInProduction();
        assertTrue(required.containsAll(Set.of("topup.merchant.secret-key", "topup.crypto.phone-key",
                "topup.crypto.hash-key", "topup.channel.secret-key", "kafka.bootstrap.servers",
                "quarkus.oidc.auth-server-url", "quarkus.http.host")), "the scan finds what is known to be needed: " + required);
        Map<String, String> env = manifests.environment();
        List<String> missing = missingSettings(manifests, required);
        List<String> secretsInTheOpen = new ArrayList<>();
        for (String key : required) {
            String source = env.get(AppConfiguration.environmentName(key));
            if (source != null && isSecret(key) && !source.startsWith("secret:")) {
                secretsInTheOpen.add(key + " from " + source);
            }
        }
        assertEquals(List.of(), missing, "required in production but not given to the container");
        assertEquals(List.of(), secretsInTheOpen, "secrets must come from a Secret (secretKeyRef)");
        assertEquals("0.0.0.0", manifests.named("ConfigMap", "topup-config").orElseThrow()
                .path("data").path("QUARKUS_HTTP_HOST").asText(), "a pod listens on every interface");

        assertEquals(List.of(), manifests.all("Secret"), "no Secret (and so no secret value) in the repository");
        String readme = Files.readString(Path.of("deploy", "README.md"));
        for (String source : env.values()) {
            if (source.startsWith("secret:")) {
                String secretKey = source.substring(source.indexOf('/') + 1);
                assertTrue(readme.contains(secretKey), "deploy/README.md says how to create secret key " + secretKey);
            }
        }
    }

    /** The required keys the container gets no environment variable for. */
    static List<String> missingSettings(Manifests manifests, Set<String> required) {
        Map<String, String> env = manifests.environment();
        List<String> missing = new ArrayList<>();
        for (String key : required) {
            if (!env.containsKey(AppConfiguration.environmentName(key))) {
                missing.add(key + " (" + AppConfiguration.environmentName(key) + ")");
            }
        }
        return missing;
    }

    @Test
    void aWrongProbePathOrAForgottenSettingIsCaught(@TempDir Path copy) throws IOException {
        try (Stream<Path> files = Files.list(Manifests.DIR)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file)
                        .replace("path: /q/health/ready", "path: /health/ready")
                        .replace("- name: TOPUP_CRYPTO_HASH_KEY", "- name: TOPUP_CRYPTO_HASHKEY");
                Files.writeString(copy.resolve(file.getFileName()), text);
            }
        }
        Manifests broken = Manifests.load(copy);

        assertEquals("/health/ready", broken.probePaths().get("readinessProbe"));
        assertFalse(servedHealthPaths(config).equals(broken.probePaths()));
        assertEquals(List.of("topup.crypto.hash-key (TOPUP_CRYPTO_HASH_KEY)"),
                missingSettings(broken, config.requiredInProduction()));
    }

    private static boolean isSecret(String key) {
        return key.matches(".*(secret|password|username|-key)$");
    }

    @Test
    void autoscalingIsTwoToTenInstancesAtSeventyPercentCpu() {
        JsonNode hpa = manifests.one("HorizontalPodAutoscaler");
        assertEquals("autoscaling/v2", hpa.path("apiVersion").asText());
        assertEquals("Deployment", hpa.path("spec").path("scaleTargetRef").path("kind").asText());
        assertEquals(manifests.one("Deployment").path("metadata").path("name"), hpa.path("spec").path("scaleTargetRef").path("name"));
        assertEquals(2, hpa.path("spec").path("minReplicas").asInt());
        assertEquals(10, hpa.path("spec").path("maxReplicas").asInt());
        JsonNode metrics = hpa.path("spec").path("metrics");
        assertEquals(1, metrics.size());
        assertEquals("cpu", metrics.get(0).path("resource").path("name").asText());
        assertEquals("Utilization", metrics.get(0).path("resource").path("target").path("type").asText());
        assertEquals(70, metrics.get(0).path("resource").path("target").path("averageUtilization").asInt());
        assertEquals(2, manifests.one("Deployment").path("spec").path("replicas").asInt());
        JsonNode resources = manifests.container().path("resources");
        assertFalse(resources.path("requests").path("cpu").isMissingNode(), "a CPU request: the HPA's 70 % is of it");
        assertFalse(resources.path("limits").path("memory").isMissingNode());
        JsonNode pdb = manifests.one("PodDisruptionBudget");
        assertEquals(manifests.one("Deployment").path("spec").path("selector").path("matchLabels"),
                pdb.path("spec").path("selector").path("matchLabels"));
        assertTrue(pdb.path("spec").path("minAvailable").asInt() >= 1
                && pdb.path("spec").path("minAvailable").asInt() < hpa.path("spec").path("minReplicas").asInt(),
                "a drain can always proceed, and never takes the last instance");
    }

    @Test
    void theSharedWorkTopicHasAPartitionForEveryInstanceTheAutoscalerMayStart() {
        int maxReplicas = manifests.one("HorizontalPodAutoscaler").path("spec").path("maxReplicas").asInt();
        Map<String, Integer> partitions = new LinkedHashMap<>();
        for (JsonNode topic : manifests.all("KafkaTopic")) {
            partitions.put(topic.path("spec").path("topicName").asText(), topic.path("spec").path("partitions").asInt());
        }
        Set<String> appTopics = new TreeSet<>();
        config.keysEndingWith(".topic").forEach(key -> appTopics.add(config.prod(key, null)));
        appTopics.add("topup.order-events"); // produced through the outbox, not a configured channel
        assertEquals(appTopics, partitions.keySet(), "a KafkaTopic for every topic the app uses, and no other");
        for (String groupKey : config.keysEndingWith(".group.id")) {
            String channel = groupKey.substring(0, groupKey.length() - ".group.id".length());
            String topic = config.prod(channel + ".topic", null);
            boolean sharedGroup = !config.prod(groupKey, "").contains("${");
            if (sharedGroup) {
                assertTrue(partitions.get(topic) >= maxReplicas,
                        topic + " is shared by one consumer group across instances: partitions >= " + maxReplicas);
            }
        }
    }

    @Test
    void everyMetricInTheAlertsAndTheDashboardIsOneTheAppRegisters() {
        AppMeters meters = AppMeters.scan();
        List<String> expressions = new ArrayList<>(manifests.alertExpressions());
        expressions.addAll(Manifests.dashboardExpressions());
        assertTrue(manifests.alertExpressions().size() >= 6);
        List<String> unknown = new ArrayList<>();
        List<String> unknownLabels = new ArrayList<>();
        for (String expr : expressions) {
            Set<String> used = metrics(expr);
            assertFalse(used.isEmpty(), "no app metric in: " + expr);
            Set<String> exprTags = new TreeSet<>(SCRAPE_LABELS);
            for (String metric : used) {
                if (metric.startsWith("topup_")) {
                    if (!meters.has(metric)) {
                        unknown.add(metric);
                    }
                    exprTags.addAll(meters.tagKeys(metric));
                }
            }
            Matcher selector = SELECTOR.matcher(expr);
            while (selector.find()) {
                Matcher label = LABEL.matcher(selector.group(2));
                while (label.find()) {
                    if (!SCRAPE_LABELS.contains(label.group(1)) && !meters.tagKeys(selector.group(1)).contains(label.group(1))) {
                        unknownLabels.add(selector.group(1) + "{" + label.group(1) + "}");
                    }
                }
            }
            Matcher by = BY.matcher(expr);
            boolean onlyAppMeters = used.stream().allMatch(metric -> metric.startsWith("topup_"));
            while (onlyAppMeters && by.find()) { // other meters' labels: DeploymentAgainstRunningAppTest
                for (String label : by.group(1).split(",")) {
                    if (!label.isBlank() && !exprTags.contains(label.strip())) {
                        unknownLabels.add("by (" + label.strip() + ") in " + expr);
                    }
                }
            }
        }
        assertEquals(List.of(), unknown, "metrics the app does not register; registered: " + meters.names());
        assertEquals(List.of(), unknownLabels, "labels the app's meters do not have");
        Set<String> alerted = new TreeSet<>();
        manifests.alertExpressions().forEach(expr -> alerted.addAll(metrics(expr)));
        assertTrue(alerted.containsAll(Set.of("topup_orders_finished_total", "topup_channel_circuit_state",
                "topup_anomalies_open", "topup_outbox_pending", "topup_notify_deliveries_total",
                "topup_rule_guard_trips_total")), "success rate, circuits, anomalies, outbox, callbacks, guard trips: " + alerted);
    }

    static Set<String> metrics(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void theKustomizationListsEveryManifestButTheTopicsWhichGoToTheKafkaNamespace() throws IOException {
        JsonNode kustomization = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(Manifests.DIR.resolve("kustomization.yaml").toFile());
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> files = new TreeSet<>();
        try (Stream<Path> all = Files.list(Manifests.DIR)) {
            all.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .filter(f -> !f.equals("kustomization.yaml") && !f.equals("kafka-topics.yaml")).forEach(files::add);
        }
        assertEquals(files, listed);
    }
}
