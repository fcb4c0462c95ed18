package com.topup.devenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A real single-node KRaft Kafka broker from the Apache Kafka jars, on loopback only, run as a child process. */
public final class LocalKafka implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private ManagedProcess process;

    private LocalKafka(int port, int controllerPort, Path dataDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
    }

    /** Starts a broker keeping its log under dataDir (formatted on first use, reused afterwards). */
    public static LocalKafka start(int port, int controllerPort, Path dataDir) {
        LocalKafka kafka = new LocalKafka(port, controllerPort, dataDir);
        kafka.start();
        return kafka;
    }

    public synchronized void start() {
        start(Duration.ofSeconds(90));
    }

    /** Starts the broker again (after {@link #stop()}) and waits up to {@code readyWithin} for its port. */
    public synchronized void start(Duration readyWithin) {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Path config = writeConfig();
            String classpath = ManagedProcess.classpathOf(LocalDirs.kafkaLib().toFile());
            if (!Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
                run(List.of(ManagedProcess.javaBinary(), "-cp", classpath, "kafka.tools.StorageTool",
                        "format", "-t", "topup-local-kafka-cluster", "-c", config.toString(), "--ignore-formatted"),
                        "kafka-format");
            }
            process = ManagedProcess.start("kafka", List.of(ManagedProcess.javaBinary(),
                            "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                            "-Dlog4j2.configurationFile=none",
                            "-cp", classpath, "kafka.Kafka", config.toString()),
                    dataDir, Map.of(), dataDir.resolve("kafka.log"));
            process.awaitReady(readyWithin, () -> ManagedProcess.portOpen(port));
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start", e);
        }
    }

    public synchronized void stop() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeConfig() throws IOException {
        Path config = dataDir.resolve("server.properties");
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dataDir.resolve("log").toAbsolutePath(),
                "num.partitions=8",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=8",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "min.insync.replicas=1",
                "default.replication.factor=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=24",
                "") ;
        Files.writeString(config, properties);
        return config;
    }

    private void run(List<String> command, String name) {
        try (ManagedProcess format = ManagedProcess.start(name, command, dataDir, Map.of(), dataDir.resolve(name + ".log"))) {
            format.awaitExit(Duration.ofSeconds(60));
        }
    }
}
