package com.topup.chaos;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chaos drills of bin/chaos in short form: seconds of low load around each fault, quick simulated suppliers, one
 * database for all drills (each checks its own orders), the same invariants. The whole class takes about three minutes.
 */
class ChaosDrillsIT {

    private static final Drills.Lengths SHORT = new Drills.Lengths(Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(6), Duration.ofSeconds(6), Duration.ofSeconds(4));
    private static final Map<String, Drill> DRILLS = Drills.all(SHORT);

    private static ChaosStack stack;
    private static CallbackReceiver receiver;
    private static DrillRunner runner;

    @BeforeAll
    static void start() {
        stack = ChaosStack.start("chaos-it", ChaosMain.SEED, Map.of("topup.notify.retry-intervals", "1s,2s,3s"));
        receiver = new CallbackReceiver();
        // 90 s to settle: after a supplier outage an order may wait out the seed fallback's 30 s retry twice.
        runner = new DrillRunner(stack, receiver, new DrillRunner.Settings(4, Duration.ofSeconds(4), Duration.ofSeconds(4),
                Duration.ofSeconds(90), Duration.ofSeconds(30), false, ChaosMain.SEED, true));
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void killAnInstanceMidLoad() throws Exception {
        drill("kill-instance");
    }

    @Test
    void stopKafka() throws Exception {
        drill("kafka-stop");
    }

    @Test
    void restartPostgres() throws Exception {
        drill("postgres-restart");
    }

    @Test
    void supplierOutage() throws Exception {
        drill("supplier-outage");
    }

    @Test
    void merchantCallbacksDown() throws Exception {
        drill("callbacks-down");
    }

    @Test
    void burstOfTenTimesTheRate() throws Exception {
        drill("burst");
    }

    private static void drill(String name) throws Exception {
        DrillReport report = runner.run(DRILLS.get(name));
        System.out.print(report.text());
        assertTrue(report.holds(), name + ": " + report.failures());
    }
}
