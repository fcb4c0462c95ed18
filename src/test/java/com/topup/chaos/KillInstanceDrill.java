package com.topup.chaos;

import java.time.Duration;

/** kill -9 of the second instance mid-load; it is started again after {@code down} (the services stay up). */
record KillInstanceDrill(Duration down) implements Drill {

    @Override
    public String name() {
        return "kill-instance";
    }

    @Override
    public void run(DrillContext context) throws Exception {
        context.faultStarts();
        context.stack.killInstance(1);
        context.say("instance 2 killed (kill -9)");
        DrillContext.pause(down);
        context.stack.restartInstance(1, name());
        context.say("instance 2 ready again");
        context.faultEnds();
    }
}
