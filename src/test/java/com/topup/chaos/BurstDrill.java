package com.topup.chaos;

import java.time.Duration;

/** {@code factor} times the steady rate for {@code length}, then the steady rate again. */
record BurstDrill(Duration length, int factor) implements Drill {

    @Override
    public String name() {
        return "burst";
    }

    @Override
    public void run(DrillContext context) throws Exception {
        double steady = context.load.rate();
        context.faultStarts();
        context.load.rate(steady * factor);
        context.say("load at " + steady * factor + " orders/s");
        DrillContext.pause(length);
        context.load.rate(steady);
        context.faultEnds();
    }
}
