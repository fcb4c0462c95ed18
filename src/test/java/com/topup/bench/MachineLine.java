package com.topup.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line about the machine a benchmark ran on: cores, Java, and the load average when it started. */
public final class MachineLine {

    private MachineLine() {
    }

    public static String now() {
        return String.format("Machine: %d cores, Java %s, load average %s; services, app and load generator share it.",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
    }

    /** The 1, 5 and 15 minute load averages; other work on a shared machine shows here. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
