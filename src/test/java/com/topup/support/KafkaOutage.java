package com.topup.support;

import com.topup.devenv.LocalKafka;
import com.topup.devenv.ManagedProcess;
import com.topup.devenv.TestServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Stops the test broker's process and starts it again on the same ports and log directory. */
public final class KafkaOutage {

    private KafkaOutage() {
    }

    public static void stopBroker() throws Exception {
        Config config = ConfigProvider.getConfig();
        long pid = config.getValue(TestServices.KAFKA_PID, Long.class);
        int port = Integer.parseInt(config.getValue("kafka.bootstrap.servers", String.class).replaceAll(".*:", ""));
        ProcessHandle broker = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("No broker process " + pid));
        broker.destroy();
        broker.onExit().get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ManagedProcess.portOpen(port) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** The restarted broker is stopped when the test JVM exits. */
    public static LocalKafka startBroker() {
        Config config = ConfigProvider.getConfig();
        int port = Integer.parseInt(config.getValue("kafka.bootstrap.servers", String.class).replaceAll(".*:", ""));
        return LocalKafka.start(port, config.getValue(TestServices.KAFKA_CONTROLLER_PORT, Integer.class),
                Path.of(config.getValue(TestServices.KAFKA_DIR, String.class)));
    }
}
