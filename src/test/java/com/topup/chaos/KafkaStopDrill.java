package com.topup.chaos;

import java.time.Duration;

/** The broker stopped for {@code down}, then started again on the same data. */
record KafkaStopDrill(Duration down) implements Drill {

    @Override
    public String name() {
        return "kafka-stop";
    }

    @Override
    public void run(DrillContext context) throws Exception {
        context.faultStarts();
        context.stack.stopKafka();
        context.say("Kafka stopped");
        DrillContext.pause(down);
        context.stack.startKafka();
        context.say("Kafka started");
        context.faultEnds();
    }
}
