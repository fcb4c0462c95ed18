package com.topup.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** With the simulator off here, its suppliers are channels only when a simulator elsewhere is named. */
class SimSuppliersTest {

    @Test
    void aSimulatorElsewhereGivesTheProfilesSuppliersAtItsAddress() {
        SimSuppliers suppliers = suppliers(false, Optional.of(URI.create("http://127.0.0.1:9999/")));
        assertTrue(suppliers.enabled());
        List<SimSupplier> list = suppliers.list();
        assertEquals(List.of("sim-fast", "sim-cheap", "sim-flaky", "sim-broadnet"), list.stream().map(SimSupplier::code).toList());
        SimSupplier fast = suppliers.find("sim-fast").orElseThrow();
        assertEquals("json-hmac", fast.protocol());
        assertEquals("sim-fast-secret-0c1d", fast.secret());
        assertTrue(fast.carriers().contains("CHINA_MOBILE"));
        assertEquals(URI.create("http://127.0.0.1:9999/sim/sim-fast"), suppliers.baseUrl(fast));
    }

    @Test
    void offWithoutAnAddressThereAreNone() {
        SimSuppliers suppliers = suppliers(false, Optional.empty());
        assertFalse(suppliers.enabled());
        assertEquals(List.of(), suppliers.list());
        assertTrue(suppliers.find("sim-fast").isEmpty());
    }

    private static SimSuppliers suppliers(boolean enabled, Optional<URI> baseUrl) {
        SimConfig config = new SimConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public String profile() {
                return "sim/suppliers.json";
            }

            @Override
            public Optional<Long> seed() {
                return Optional.of(1L);
            }

            @Override
            public Optional<URI> baseUrl() {
                return baseUrl;
            }

            @Override
            public int rememberedOrders() {
                return 1_000;
            }
        };
        return new SimSuppliers(new SupplierSimulator(config, null, null), config, null);
    }
}
