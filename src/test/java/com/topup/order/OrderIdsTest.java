package com.topup.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderIdsTest {

    @Test
    void idCarriesTheUtcCreationTime() {
        String id = OrderIds.next(Instant.parse("2026-11-26T08:09:10.123Z"));
        assertTrue(id.startsWith("T20261126080910123"), id);
        assertEquals(28, id.length());
        assertTrue(id.matches("T\\d{17}[0-9A-Z]{10}"), id);
    }

    @Test
    void idsInTheSameMillisecondDiffer() {
        Instant now = Instant.now();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(OrderIds.next(now));
        }
        assertEquals(100_000, ids.size());
    }
}
