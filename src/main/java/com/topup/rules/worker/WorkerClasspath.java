package com.topup.rules.worker;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class path a worker JVM starts with: the packaged app's jars when it runs from {@code quarkus-app/}
 * (fast-jar layout), otherwise the class path of this JVM (tests, benchmarks, development).
 */
public final class WorkerClasspath {

    private WorkerClasspath() {
    }

    public static String detect() {
        String own = System.getProperty("java.class.path", "");
        for (String entry : own.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (path.getFileName() != null && path.getFileName().toString().equals("quarkus-run.jar")) {
                Path app = path.toAbsolutePath().getParent();
                List<String> jars = new ArrayList<>();
                for (String dir : List.of("app", "lib/main", "lib/boot")) {
                    jars.addAll(jarsIn(app.resolve(dir)));
                }
                if (!jars.isEmpty()) {
                    return String.join(File.pathSeparator, jars);
                }
            }
        }
        return own;
    }

    private static List<String> jarsIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
