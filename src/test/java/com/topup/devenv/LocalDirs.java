package com.topup.devenv;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project keeps downloaded service distributions (.local/) and launcher data (data/). */
public final class LocalDirs {

    public static final String KEYCLOAK_VERSION = "26.4.7";

    private LocalDirs() {
    }

    /** The repository root: the nearest directory upwards holding pom.xml and bin/. */
    public static Path projectRoot() {
        String configured = System.getProperty("topup.project.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("bin"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Cannot find the project root from " + Path.of("").toAbsolutePath());
    }

    public static Path localDir() {
        return projectRoot().resolve(".local");
    }

    public static Path kafkaLib() {
        return localDir().resolve("kafka").resolve("lib");
    }

    public static Path keycloakHome() {
        return localDir().resolve("keycloak-" + KEYCLOAK_VERSION);
    }

    public static Path realmFile() {
        return projectRoot().resolve("deploy").resolve("keycloak").resolve("topup-realm.json");
    }
}
