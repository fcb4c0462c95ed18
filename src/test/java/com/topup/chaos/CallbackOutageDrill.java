package com.topup.chaos;

import java.time.Duration;

/** The merchant's callback endpoint down: first answering 503, then not listening at all; then back. */
record CallbackOutageDrill(Duration length) implements Drill {

    @Override
    public String name() {
        return "callbacks-down";
    }

    @Override
    public void run(DrillContext context) throws Exception {
        Duration half = length.dividedBy(2);
        context.faultStarts();
        context.receiver.mode(CallbackReceiver.Mode.ANSWER_503);
        context.say("merchant endpoint answers 503");
        DrillContext.pause(half);
        context.receiver.stop();
        context.say("merchant endpoint not listening");
        DrillContext.pause(length.minus(half));
        context.receiver.mode(CallbackReceiver.Mode.ACCEPT);
        context.receiver.start();
        context.faultEnds();
    }
}
