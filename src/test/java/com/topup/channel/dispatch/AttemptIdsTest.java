package com.topup.channel.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttemptIdsTest {

    @Test
    void anAttemptIdNamesItsOrder() {
        String attempt = AttemptIds.of("T20261201083015123ABCDE12345", 12);
        assertEquals("T20261201083015123ABCDE12345-12", attempt);
        assertEquals(Optional.of("T20261201083015123ABCDE12345"), AttemptIds.orderOf(attempt));
        assertEquals(Optional.of("T-TALLY-7"), AttemptIds.orderOf(AttemptIds.of("T-TALLY-7", 1)), "an order id with dashes");
    }

    @Test
    void anIdNotMadeHereNamesNoOrder() {
        for (String id : new String[] {"", "-1", "T123-", "T123", "T123-x1", "T123-1a", "SIM-FAST-abc"}) {
            assertEquals(Optional.empty(), AttemptIds.orderOf(id), id);
        }
        assertEquals(Optional.empty(), AttemptIds.orderOf(null));
    }
}
