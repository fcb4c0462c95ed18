package com.topup.chaos;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The drills by name, with their fault lengths. */
final class Drills {

    /** How long each fault lasts; {@link #standard()} is what bin/chaos runs. */
    record Lengths(Duration instanceDown, Duration kafkaDown, Duration supplierOutage, Duration callbacksDown, Duration burst) {

        static Lengths standard() {
            return new Lengths(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(40), Duration.ofMinutes(2),
                    Duration.ofSeconds(30));
        }
    }

    private Drills() {
    }

    static Map<String, Drill> all(Lengths lengths) {
        Map<String, Drill> drills = new LinkedHashMap<>();
        for (Drill drill : new Drill[] {
                new KillInstanceDrill(lengths.instanceDown()),
                new KafkaStopDrill(lengths.kafkaDown()),
                new PostgresRestartDrill(),
                new SupplierOutageDrill(lengths.supplierOutage()),
                new CallbackOutageDrill(lengths.callbacksDown()),
                new BurstDrill(lengths.burst(), 10)}) {
            drills.put(drill.name(), drill);
        }
        return drills;
    }
}
