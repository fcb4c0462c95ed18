package com.topup.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Memory of one process from /proc/PID/status: resident now (VmRSS), the highest resident so far (VmHWM, kept by the
 * kernel, so a peak between two readings is not missed) and its threads.
 */
public record ProcessMemory(long rssKb, long peakRssKb, int threads) {

    public static ProcessMemory of(long pid) {
        String status;
        try {
            status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
        } catch (IOException e) {
            return new ProcessMemory(-1, -1, -1);
        }
        return new ProcessMemory(field(status, "VmRSS"), field(status, "VmHWM"), (int) field(status, "Threads"));
    }

    public long rssMb() {
        return rssKb / 1024;
    }

    public long peakRssMb() {
        return peakRssKb / 1024;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RSS %d MB (peak so far %d MB), %d threads", rssMb(), peakRssMb(), threads);
    }

    private static long field(String status, String name) {
        return status.lines().filter(l -> l.startsWith(name + ":")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(-1L);
    }
}
