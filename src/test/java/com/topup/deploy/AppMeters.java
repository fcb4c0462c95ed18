package com.topup.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The meters the app's code registers with Micrometer (found in src/main/java), under the names the Prometheus
 * registry exposes on /q/metrics, each with the tag keys its registrations use.
 */
final class AppMeters {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern REGISTRATION = Pattern.compile(
            "(counter|timer|gauge|Gauge\\.builder|Timer\\.builder|Counter\\.builder|DistributionSummary\\.builder|summary)"
                    + "\\(\\s*\"(topup_[a-z0-9_]+)\"");
    private static final Pattern LITERAL = Pattern.compile("\"([A-Za-z][A-Za-z0-9_]*)\"");
    private static final Pattern TAG_CALLS = Pattern.compile("(?:Tags\\.of|\\.tags?)\\(([^;]*?)\\)");

    /** Exposed name → tag keys. */
    private final Map<String, Set<String>> exposed;

    private AppMeters(Map<String, Set<String>> exposed) {
        this.exposed = exposed;
    }

    static AppMeters scan() {
        Map<String, Set<String>> exposed = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Set<String> fileTags = new TreeSet<>();
                Matcher tags = TAG_CALLS.matcher(source);
                while (tags.find()) {
                    literals(tags.group(1), fileTags);
                }
                Matcher m = REGISTRATION.matcher(source);
                while (m.find()) {
                    String kind = m.group(1);
                    String name = m.group(2);
                    int end = source.indexOf(';', m.end());
                    Set<String> keys = new TreeSet<>(fileTags);
                    literals(source.substring(m.end(), end < 0 ? source.length() : end), keys);
                    for (String series : exposition(kind, name)) {
                        exposed.computeIfAbsent(series, k -> new TreeSet<>()).addAll(keys);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (exposed.isEmpty()) {
            throw new AssertionError("no meters found under " + SOURCES);
        }
        return new AppMeters(exposed);
    }

    /** Micrometer's Prometheus naming: counters end in _total, timers add the base unit and _count/_sum/_max/_bucket. */
    static Set<String> exposition(String kind, String name) {
        if (kind.toLowerCase().contains("counter")) {
            return Set.of(name.endsWith("_total") ? name : name + "_total");
        }
        if (kind.toLowerCase().contains("timer")) {
            String base = name.endsWith("_seconds") ? name : name + "_seconds";
            return Set.of(base + "_count", base + "_sum", base + "_max", base + "_bucket");
        }
        if (kind.toLowerCase().contains("summary")) {
            return Set.of(name + "_count", name + "_sum", name + "_max");
        }
        return Set.of(name);
    }

    boolean has(String series) {
        return exposed.containsKey(series);
    }

    Set<String> names() {
        return exposed.keySet();
    }

    Set<String> tagKeys(String series) {
        return exposed.getOrDefault(series, Set.of());
    }

    private static void literals(String text, Set<String> into) {
        Matcher literal = LITERAL.matcher(text);
        while (literal.find()) {
            into.add(literal.group(1));
        }
    }
}
