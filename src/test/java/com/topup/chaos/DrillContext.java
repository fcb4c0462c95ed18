package com.topup.chaos;

import java.time.Duration;
import java.time.Instant;

/** What a drill acts on while the load runs, and when its fault started and ended. */
final class DrillContext {

    final ChaosStack stack;
    final OrderLoad load;
    final CallbackReceiver receiver;
    final SimulatorControl simulator;
    final String drillName;
    private volatile Instant faultStart;
    private volatile Instant faultEnd;

    DrillContext(ChaosStack stack, OrderLoad load, CallbackReceiver receiver, SimulatorControl simulator, String drillName) {
        this.stack = stack;
        this.load = load;
        this.receiver = receiver;
        this.simulator = simulator;
        this.drillName = drillName;
    }

    void faultStarts() {
        faultStart = Instant.now();
        say("fault starts");
    }

    void faultEnds() {
        faultEnd = Instant.now();
        say("fault ends after " + Duration.between(faultStart, faultEnd).toMillis() / 1000.0 + " s");
    }

    Instant faultStart() {
        return faultStart;
    }

    Instant faultEnd() {
        return faultEnd;
    }

    void say(String line) {
        System.out.printf("[%s] %s: %s%n", Instant.now(), drillName, line);
    }

    static void pause(Duration length) throws InterruptedException {
        Thread.sleep(length.toMillis());
    }
}
