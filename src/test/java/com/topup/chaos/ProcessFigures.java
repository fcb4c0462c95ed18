package com.topup.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One sample of a JVM process: heap used after a full collection (jcmd GC.run, then GC.heap_info), resident memory,
 * threads and open files (/proc).
 */
record ProcessFigures(long heapAfterGcKb, long rssKb, int threads, int openFiles) {

    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    static ProcessFigures of(long pid) {
        jcmd(pid, "GC.run");
        String heap = jcmd(pid, "GC.heap_info");
        long used = 0;
        Matcher m = HEAP_USED.matcher(heap);
        while (m.find()) {
            used += Long.parseLong(m.group(1));
        }
        String status = read(Path.of("/proc", Long.toString(pid), "status"));
        return new ProcessFigures(used, field(status, "VmRSS"), (int) field(status, "Threads"), openFiles(pid));
    }

    private static long field(String status, String name) {
        return status.lines().filter(l -> l.startsWith(name + ":")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(-1L);
    }

    private static int openFiles(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
