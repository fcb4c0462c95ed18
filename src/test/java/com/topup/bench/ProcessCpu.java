package com.topup.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CPU time of the processes on this machine by role (the app, a simulator process, PostgreSQL, the broker, the load generator), read from
 * /proc: a benchmark takes one reading before and one after a phase and prints CPU milliseconds per order for each.
 */
public final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100.0;
    private static final Map<String, Predicate<String>> ROLES = roles();

    private final Map<String, Long> ticks;
    private final long nanos;

    private ProcessCpu(Map<String, Long> ticks, long nanos) {
        this.ticks = ticks;
        this.nanos = nanos;
    }

    /** The CPU time used so far by every process, summed by role (processes that ended are not counted). */
    public static ProcessCpu now() {
        Map<String, Long> byRole = new LinkedHashMap<>();
        ROLES.keySet().forEach(role -> byRole.put(role, 0L));
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                try {
                    String command = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                    String stat = Files.readString(process.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    ROLES.entrySet().stream().filter(r -> r.getValue().test(command)).findFirst()
                            .ifPresent(r -> byRole.merge(r.getKey(), used, Long::sum));
                } catch (IOException | RuntimeException gone) {
                    // the process ended while it was being read
                }
            }
        } catch (IOException e) {
            return new ProcessCpu(Map.of(), System.nanoTime());
        }
        return new ProcessCpu(byRole, System.nanoTime());
    }

    /** CPU time (user and system) one process has used so far; NaN once it has ended. */
    public static double secondsOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return Double.NaN;
        }
    }

    /**
     * CPU seconds one process has used so far, by kind of thread (JIT compilers, garbage collector, the main thread,
     * every other thread), from /proc/PID/task; empty once it has ended.
     */
    public static Map<String, Double> byThreadKind(long pid) {
        Map<String, Double> kinds = new LinkedHashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    kinds.merge(threadKind(name), seconds, Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while it was being read
                }
            }
        } catch (IOException gone) {
            return Map.of();
        }
        return kinds;
    }

    private static String threadKind(String name) {
        if (name.startsWith("C2 Compiler") || name.startsWith("C1 Compiler")) {
            return "JIT";
        }
        if (name.startsWith("GC ") || name.startsWith("G1 ")) {
            return "GC";
        }
        return name.equals("java") || name.equals("main") ? "main" : "other";
    }

    /** One line: cores used by each role since {@code before} and CPU milliseconds per order. */
    public String since(ProcessCpu before, long orders) {
        if (ticks.isEmpty()) {
            return "cpu: /proc not readable on this machine";
        }
        double seconds = (nanos - before.nanos) / 1e9;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "cpu over %.1f s:", seconds));
        long total = 0;
        for (Map.Entry<String, Long> role : ticks.entrySet()) {
            long used = role.getValue() - before.ticks.getOrDefault(role.getKey(), 0L);
            total += used;
            line.append(String.format(Locale.ROOT, " %s %.2f cores (%.2f ms/order);", role.getKey(),
                    used / TICKS_PER_SECOND / seconds, orders == 0 ? 0 : used * 1000 / TICKS_PER_SECOND / orders));
        }
        line.append(String.format(Locale.ROOT, " all %.2f ms/order", orders == 0 ? 0 : total * 1000 / TICKS_PER_SECOND / orders));
        return line.toString();
    }

    private static Map<String, Predicate<String>> roles() {
        Map<String, Predicate<String>> roles = new LinkedHashMap<>();
        roles.put("simulator", c -> c.contains("quarkus-run.jar") && c.contains("-Dtopup.sim.enabled=true"));
        roles.put("app", c -> c.contains("quarkus-run.jar") && !c.contains("kc.config"));
        roles.put("postgres", c -> c.startsWith("postgres") || c.contains("/bin/postgres"));
        roles.put("kafka", c -> c.contains("kafka.Kafka") || c.contains("kafka.server"));
        roles.put("keycloak", c -> c.contains("kc.config") || c.contains("keycloak"));
        roles.put("bench", c -> c.contains("com.topup.bench."));
        return roles;
    }
}
