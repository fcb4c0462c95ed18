package com.topup.chaos;

import java.time.Duration;

/** Every simulated supplier out: first requests held until they time out, then answered 503; then back. */
record SupplierOutageDrill(Duration length) implements Drill {

    @Override
    public String name() {
        return "supplier-outage";
    }

    @Override
    public void run(DrillContext context) throws Exception {
        Duration half = length.dividedBy(2);
        context.faultStarts();
        context.simulator.outage("TIMEOUT", half);
        context.say("suppliers hold every request (timeouts)");
        DrillContext.pause(half);
        context.simulator.outage("HTTP_503", length.minus(half));
        context.say("suppliers answer 503");
        DrillContext.pause(length.minus(half));
        context.simulator.endOutages();
        context.faultEnds();
    }
}
