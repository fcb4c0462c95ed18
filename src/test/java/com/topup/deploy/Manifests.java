package com.topup.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The Kubernetes manifests under deploy/k8s, read as the cluster would: every document of every YAML file. */
final class Manifests {

    static final Path DIR = Path.of("deploy", "k8s");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> documents;

    private Manifests(List<JsonNode> documents) {
        this.documents = documents;
    }

    static Manifests load() {
        return load(DIR);
    }

    static Manifests load(Path dir) {
        List<JsonNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                if (file.getFileName().toString().equals("kustomization.yaml")) {
                    continue;
                }
                try (var parser = YAML.getFactory().createParser(file.toFile())) {
                    YAML.readValues(parser, JsonNode.class).readAll().stream()
                            .filter(doc -> doc != null && doc.has("kind")).forEach(documents::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(documents);
    }

    List<JsonNode> all(String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    JsonNode one(String kind) {
        List<JsonNode> found = all(kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " in " + DIR + ", found " + found.size());
        }
        return found.get(0);
    }

    Optional<JsonNode> named(String kind, String name) {
        return all(kind).stream().filter(d -> name.equals(d.path("metadata").path("name").asText())).findFirst();
    }

    /** The app's container in the Deployment. */
    JsonNode container() {
        JsonNode containers = one("Deployment").path("spec").path("template").path("spec").path("containers");
        if (containers.size() != 1) {
            throw new AssertionError("the Deployment should run one container, not " + containers.size());
        }
        return containers.get(0);
    }

    /**
     * Every environment variable the container gets, with where it comes from: {@code value}, {@code secret:NAME/KEY},
     * {@code configMap:NAME/KEY} or {@code configMap:NAME} for a whole ConfigMap imported with envFrom.
     */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode container = container();
        for (JsonNode from : container.path("envFrom")) {
            String configMap = from.path("configMapRef").path("name").asText(null);
            if (configMap != null) {
                JsonNode data = named("ConfigMap", configMap)
                        .orElseThrow(() -> new AssertionError("envFrom names ConfigMap " + configMap + ", not in " + DIR))
                        .path("data");
                data.fieldNames().forEachRemaining(name -> env.put(name, "configMap:" + configMap));
            }
            if (from.has("secretRef")) {
                throw new AssertionError("a whole Secret imported with envFrom hides which keys the app gets: use secretKeyRef");
            }
        }
        for (JsonNode variable : container.path("env")) {
            JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
            JsonNode configMap = variable.path("valueFrom").path("configMapKeyRef");
            String source = !secret.isMissingNode() ? "secret:" + secret.path("name").asText() + "/" + secret.path("key").asText()
                    : !configMap.isMissingNode() ? "configMap:" + configMap.path("name").asText() + "/" + configMap.path("key").asText()
                    : "value";
            env.put(variable.path("name").asText(), source);
        }
        return env;
    }

    /** Every PromQL expression of the PrometheusRule's alerts and of the Grafana dashboard's panels. */
    List<String> alertExpressions() {
        List<String> exprs = new ArrayList<>();
        for (JsonNode group : one("PrometheusRule").path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                exprs.add(rule.path("expr").asText());
            }
        }
        return exprs;
    }

    static JsonNode dashboard() {
        try {
            return JSON.readTree(DIR.resolve("grafana-dashboard.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> dashboardExpressions() {
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard().path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                exprs.add(target.path("expr").asText());
            }
        }
        return exprs;
    }

    /** The Deployment's probe path per kind: liveness, readiness, startup. */
    Map<String, String> probePaths() {
        Map<String, String> paths = new LinkedHashMap<>();
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            JsonNode get = container().path(probe).path("httpGet");
            if (get.isMissingNode()) {
                throw new AssertionError("the container has no " + probe + " over HTTP");
            }
            paths.put(probe, get.path("path").asText());
        }
        return paths;
    }
}
