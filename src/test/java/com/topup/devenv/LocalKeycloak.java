package com.topup.devenv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Keycloak server in development mode ({@code kc.sh start-dev}) from the distribution unpacked by
 * {@code bin/prepare-services}, listening on 127.0.0.1 only.
 *
 * <p>Several instances can run at once from the same distribution. Each one gets its own Keycloak home under
 * {@code dataDir/home}: {@code conf}, {@code lib}, {@code providers} and {@code themes} are links to the
 * distribution, {@code data} (H2 database, transaction logs, realm import directory, temporary files) is its own.
 * The home is selected with {@code -Dkc.home.dir}, which {@code kc.sh} passes after its own default.
 *
 * <p>Only run-time options are given, so every instance uses the same server image: the development build with
 * {@code db=dev-file} that the first {@code start-dev} writes into the distribution. A throwaway database is an
 * in-memory H2 database chosen with {@code --db-url} (a run-time option), not {@code --db=dev-mem}, which is a
 * build-time option and would make {@code start-dev} rebuild the shared image (≈ 35 s, and unsafe while another
 * instance starts). While the image is not yet the development one, starts are serialised by a lock file.
 */
public final class LocalKeycloak implements AutoCloseable {

    public static final String BOOTSTRAP_ADMIN = "admin";
    public static final String BOOTSTRAP_PASSWORD = "admin";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Object IMAGE_LOCK = new Object();
    private static final Pattern REALM_NAME = Pattern.compile("\"realm\"\\s*:\\s*\"([^\"]+)\"");
    private static final List<String> SHARED_DIRS = List.of("conf", "lib", "providers", "themes");

    private final int httpPort;
    private final int managementPort;
    private final Path dataDir;
    private final ManagedProcess process;

    private LocalKeycloak(int httpPort, int managementPort, Path dataDir, ManagedProcess process) {
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.dataDir = dataDir;
        this.process = process;
    }

    /**
     * Starts kc.sh start-dev on 127.0.0.1:httpPort, importing the given realm files. dataDir holds this instance's
     * own database and logs; persistent=false means a throwaway database.
     */
    public static LocalKeycloak start(int httpPort, Path dataDir, boolean persistent, List<Path> realmFiles) {
        Path distribution = LocalDirs.keycloakHome();
        Path kcSh = distribution.resolve("bin").resolve("kc.sh");
        if (!Files.isExecutable(kcSh)) {
            throw new IllegalStateException("No Keycloak distribution at " + distribution + ": run bin/prepare-services");
        }
        Path data = dataDir.toAbsolutePath().normalize();
        Path home = data.resolve("home");
        Map<String, String> realms = readRealms(realmFiles);
        prepareHome(distribution, home, persistent, realms);

        int managementPort = FreePorts.next();
        List<String> command = new ArrayList<>(List.of(
                kcSh.toString(), "start-dev",
                "-Dkc.home.dir=" + home,
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--hostname=http://127.0.0.1:" + httpPort,
                "--import-realm"));
        if (!persistent) {
            command.add("--db-url=jdbc:h2:mem:keycloak-" + UUID.randomUUID()
                    + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=0");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", BOOTSTRAP_ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", BOOTSTRAP_PASSWORD);

        String readyRealm = realms.isEmpty() ? "master" : realms.keySet().iterator().next();
        URI readiness = URI.create("http://127.0.0.1:" + httpPort + "/realms/" + readyRealm
                + "/.well-known/openid-configuration");

        if (developmentImageInPlace(distribution)) {
            return launch(command, data, env, httpPort, managementPort, readiness);
        }
        // The first start-dev rebuilds the server image inside the distribution: one at a time.
        synchronized (IMAGE_LOCK) {
            try (FileChannel channel = FileChannel.open(distribution.resolve(".start-dev.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    return launch(command, data, env, httpPort, managementPort, readiness);
                } finally {
                    lock.release();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot lock " + distribution, e);
            }
        }
    }

    private static LocalKeycloak launch(List<String> command, Path data, Map<String, String> env, int httpPort,
                                        int managementPort, URI readiness) {
        ManagedProcess process = ManagedProcess.start("keycloak:" + httpPort, command, data, env,
                data.resolve("keycloak.log"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        try {
            process.awaitReady(READY_TIMEOUT, () -> respondsOk(http, readiness));
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        return new LocalKeycloak(httpPort, managementPort, data, process);
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String realmUrl(String realm) {
        return url() + "/realms/" + realm;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The port reserved for the management interface (only opened when health or metrics are enabled). */
    public int managementPort() {
        return managementPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return process.logFile();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the process tree. */
    @Override
    public void close() {
        process.close();
    }

    private static boolean respondsOk(HttpClient http, URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Realm name to file, in the given order. The import directory needs files named {@code <realm>-realm.json}. */
    private static Map<String, String> readRealms(List<Path> realmFiles) {
        Map<String, String> realms = new LinkedHashMap<>();
        for (Path file : realmFiles) {
            try {
                String json = Files.readString(file, StandardCharsets.UTF_8);
                Matcher matcher = REALM_NAME.matcher(json);
                if (!matcher.find()) {
                    throw new IllegalArgumentException("No \"realm\" name in " + file);
                }
                realms.put(matcher.group(1), json);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read realm file " + file, e);
            }
        }
        return realms;
    }

    private static void prepareHome(Path distribution, Path home, boolean persistent, Map<String, String> realms) {
        try {
            Path homeData = home.resolve("data");
            if (!persistent) {
                deleteRecursively(homeData);
            }
            Files.createDirectories(homeData);
            for (String dir : SHARED_DIRS) {
                Path link = home.resolve(dir);
                Path target = distribution.resolve(dir);
                if (Files.isSymbolicLink(link)) {
                    if (Files.readSymbolicLink(link).equals(target)) {
                        continue;
                    }
                    Files.delete(link);
                } else if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                    deleteRecursively(link);
                }
                Files.createSymbolicLink(link, target);
            }
            // Re-imported on every start; existing realms are skipped (strategy IGNORE_EXISTING).
            Path importDir = homeData.resolve("import");
            deleteRecursively(importDir);
            Files.createDirectories(importDir);
            for (Map.Entry<String, String> realm : realms.entrySet()) {
                Files.writeString(importDir.resolve(realm.getKey() + "-realm.json"), realm.getValue(),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Keycloak home " + home, e);
        }
    }

    /** True when the distribution's server image is the development build these instances use (no rebuild needed). */
    static boolean developmentImageInPlace(Path distribution) {
        Path generated = distribution.resolve("lib").resolve("quarkus").resolve("generated-bytecode.jar");
        if (!Files.isRegularFile(generated)) {
            return false;
        }
        try (JarFile jar = new JarFile(generated.toFile())) {
            var entry = jar.getEntry("META-INF/keycloak-persisted.properties");
            if (entry == null) {
                return false;
            }
            Properties persisted = new Properties();
            try (InputStream in = jar.getInputStream(entry)) {
                persisted.load(in);
            }
            for (String key : persisted.stringPropertyNames()) {
                if (key.startsWith("kc.") && !key.equals("kc.profile") && !key.equals("kc.db")
                        && !key.startsWith("kc.provider.file.")) {
                    return false;
                }
            }
            return "dev".equals(persisted.getProperty("kc.profile"))
                    && "dev-file".equals(persisted.getProperty("kc.db"));
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(path) || !Files.isDirectory(path)) {
            Files.delete(path);
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
