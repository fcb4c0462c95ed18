package com.topup.devenv;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged app (target/quarkus-app) as a separate process, for the launcher and multi-instance tests. */
public final class LocalApp implements AutoCloseable {

    /** The app's JVM options, the same file the image uses. */
    private static final Path JVM_OPTIONS = LocalDirs.projectRoot().resolve("deploy/jvm.options");
    /**
     * Options added for a run (environment variable, or system property of the same name in lower case with dots), to
     * measure (-XX:NativeMemoryTracking=summary, a profiler agent) or compare, never to tune: tuning goes in the file.
     */
    private static final String EXTRA_JVM_OPTIONS = "TOPUP_APP_JAVA_OPTS";

    private final ManagedProcess process;
    private final int port;
    private Duration readyAfter;

    private LocalApp(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the app with the given profile and configuration and waits until it is ready. */
    public static LocalApp start(String name, int port, String profile, Map<String, String> config, Path logFile) {
        return start(name, port, profile, config, logFile, Duration.ofSeconds(120));
    }

    /** As {@link #start(String, int, String, Map, Path)}, waiting up to {@code readyWithin} (a busy machine starts slowly). */
    public static LocalApp start(String name, int port, String profile, Map<String, String> config, Path logFile,
                                 Duration readyWithin) {
        Path jar = LocalDirs.projectRoot().resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package -DskipTests");
        }
        if (!Files.exists(JVM_OPTIONS)) {
            throw new IllegalStateException(JVM_OPTIONS + " is missing");
        }
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaBinary(), "@" + JVM_OPTIONS));
        String extra = System.getProperty("topup.app.java.opts", System.getenv(EXTRA_JVM_OPTIONS));
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-Dquarkus.profile=" + profile, "-Dquarkus.http.port=" + port));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        long launched = System.nanoTime();
        ManagedProcess process = ManagedProcess.start(name, command, LocalDirs.projectRoot(), Map.of(), logFile);
        LocalApp app = new LocalApp(process, port);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        process.awaitReady(readyWithin, () -> app.ready(http));
        app.readyAfter = Duration.ofNanos(System.nanoTime() - launched);
        return app;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** From launching the process until /q/health/ready first answered 200 (polled every 100 ms). */
    public Duration readyAfter() {
        return readyAfter;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return process.logFile();
    }

    private boolean ready(HttpClient http) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** kill -9: the app ends mid-work, as when its machine dies. */
    public void kill() {
        process.kill();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }
}
