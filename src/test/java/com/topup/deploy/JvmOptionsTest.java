package com.topup.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.rules.RulesConfig;
import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * deploy/jvm.options is the one definition of the app's JVM options: this JVM accepts every line, the image runs with
 * the file and nothing else, the Deployment does not add options of its own, and the memory limit holds everything the
 * options let the JVM take plus a rule worker.
 */
class JvmOptionsTest {

    static final Path FILE = Path.of("deploy", "jvm.options");
    private static final Path DOCKERFILE = Path.of("deploy", "docker", "Dockerfile.jvm");
    /** Variables through which run-java.sh or the JVM itself would take options from the environment. */
    private static final Set<String> OPTION_VARIABLES = Set.of("JAVA_OPTS", "JAVA_OPTS_APPEND", "JAVA_OPTIONS",
            "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "JAVA_MAX_MEM_RATIO", "JAVA_INITIAL_MEM_RATIO");
    /** Thread stacks, GC structures, symbols, buffers: what the JVM uses beyond heap, metaspace and code (measured well under). */
    private static final long OTHER_NATIVE_BYTES = 200L << 20;
    /** A rule worker's own JVM beyond its heap (measured at 55 MB idle in all). */
    private static final long WORKER_OVERHEAD_BYTES = 100L << 20;

    private final Manifests manifests = Manifests.load();

    @Test
    void thisJvmAcceptsEveryOption() throws Exception {
        List<String> options = options();
        assertTrue(options.stream().allMatch(o -> o.startsWith("-")), "one option per line: " + options);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process jvm = new ProcessBuilder(java.toString(), "@" + FILE.toAbsolutePath(), "-version").redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes());
        assertTrue(jvm.waitFor(30, TimeUnit.SECONDS), "java -version did not end");
        assertEquals(0, jvm.exitValue(), "java @" + FILE + " -version: " + output);
    }

    @Test
    void theImageRunsWithTheFileAndNothingElse() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        assertTrue(dockerfile.contains("COPY --chown=185 " + FILE + " /deployments/jvm.options"), "the image holds the file");
        assertTrue(dockerfile.contains("ENV JAVA_OPTS=\"@/deployments/jvm.options\""),
                "JAVA_OPTS is the file: run-java.sh then adds no defaults of its own");
    }

    @Test
    void theDeploymentLeavesTheOptionsToTheFile() {
        List<String> set = manifests.environment().keySet().stream().filter(OPTION_VARIABLES::contains).toList();
        assertEquals(List.of(), set, "JVM options belong in " + FILE + ", not in the Deployment");
    }

    @Test
    void theMemoryLimitHoldsTheLargestHeapMetaspaceAndCodeAndABusyRuleWorker() throws Exception {
        long heap = size("-Xmx").orElseThrow(() -> new AssertionError(FILE + " sets no -Xmx"));
        long metaspace = size("-XX:MaxMetaspaceSize=").orElseThrow(() -> new AssertionError(FILE + " sets no MaxMetaspaceSize"));
        long code = size("-XX:ReservedCodeCacheSize=").orElse(240L << 20);
        long workerHeap = bytes(RulesConfig.Worker.class.getMethod("heap").getAnnotation(WithDefault.class).value());
        long needed = heap + metaspace + code + OTHER_NATIVE_BYTES + workerHeap + WORKER_OVERHEAD_BYTES;
        long limit = quantity(manifests.container().path("resources").path("limits").path("memory").asText());
        assertTrue(limit >= needed, "limits.memory " + (limit >> 20) + " MiB < " + (needed >> 20) + " MiB the options allow");
        long request = quantity(manifests.container().path("resources").path("requests").path("memory").asText());
        assertTrue(request <= limit, "requests.memory above the limit");
    }

    static List<String> options() throws IOException {
        return Files.readAllLines(FILE).stream().map(line -> line.replaceAll("#.*", "").trim())
                .filter(line -> !line.isEmpty()).toList();
    }

    private static Optional<Long> size(String prefix) throws IOException {
        return options().stream().filter(o -> o.startsWith(prefix)).reduce((first, last) -> last)
                .map(o -> bytes(o.substring(prefix.length())));
    }

    /** A JVM size: 512m, 1g, 256k or bytes. */
    static long bytes(String size) {
        String s = size.trim().toLowerCase(Locale.ROOT);
        long unit = switch (s.charAt(s.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }

    /** A Kubernetes memory quantity: 1Gi, 1536Mi, 1G, 500M or bytes. */
    static long quantity(String quantity) {
        String q = quantity.trim();
        for (String[] suffix : new String[][] {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"k", "1000"},
                {"M", "1000000"}, {"G", "1000000000"}}) {
            if (q.endsWith(suffix[0])) {
                return Long.parseLong(q.substring(0, q.length() - suffix[0].length())) * Long.parseLong(suffix[1]);
            }
        }
        return Long.parseLong(q);
    }
}
