package com.topup.rules.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One worker JVM as the app sees it: a line in, a line out, and a reader that notices when the process ends. */
final class WorkerProcess {

    private static final String EOF = "\u0000eof";

    private final Process process;
    private final Writer in;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

    WorkerProcess(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        this.process = builder.start();
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, "rule-worker-reader-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the process ended
        } finally {
            lines.add(EOF);
        }
    }

    /** Whether the worker closed its output (it ended) during the last exchange. */
    private volatile boolean ended;

    boolean ended() {
        return ended;
    }

    /** Sends one request; the next line the worker writes, or null when it ended or the wait passed {@code millis}. */
    String exchange(String request, long millis) throws IOException, InterruptedException {
        lines.clear();
        in.write(request);
        in.write('\n');
        in.flush();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                return null;
            }
            if (line.equals(EOF)) {
                ended = true;
                return null;
            }
            if (line.startsWith("{")) {
                return line;
            }
            // the JVM itself writes a few lines to stdout (e.g. "Terminating due to java.lang.OutOfMemoryError")
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The exit status, waiting briefly for a process that is ending; -1 when it still runs. */
    int exitStatus() throws InterruptedException {
        return process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    long pid() {
        return process.pid();
    }

    void kill() {
        process.destroyForcibly();
    }
}
