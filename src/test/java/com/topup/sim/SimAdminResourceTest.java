package com.topup.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.web.ApiException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** With the simulator off here, its staff API says where the simulator runs, when it runs elsewhere. */
class SimAdminResourceTest {

    @Test
    void aSimulatorElsewhereIsNamedInTheAnswer() {
        SimAdminResource resource = resource(Optional.of(URI.create("http://127.0.0.1:8090/")));
        ApiException refused = assertThrows(ApiException.class, resource::list);
        assertEquals(404, refused.status());
        assertEquals("SIM_DISABLED", refused.code());
        assertTrue(refused.getMessage().contains("http://127.0.0.1:8090/admin/api/sim"), refused.getMessage());
        assertEquals(Map.of("simulatorUrl", "http://127.0.0.1:8090/"), refused.details());
    }

    @Test
    void offWithoutAnAddressItIsSimplyOff() {
        SimAdminResource resource = resource(Optional.empty());
        ApiException refused = assertThrows(ApiException.class, () -> resource.reset(""));
        assertEquals("SIM_DISABLED", refused.code());
        assertEquals("The supplier simulator is off", refused.getMessage());
    }

    private static SimAdminResource resource(Optional<URI> baseUrl) {
        SimConfig config = new SimConfig() {
            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public String profile() {
                return "sim/suppliers.json";
            }

            @Override
            public Optional<Long> seed() {
                return Optional.empty();
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
        SupplierSimulator simulator = new SupplierSimulator(config, null, null);
        return new SimAdminResource(simulator, new SimSuppliers(simulator, config, null), null, null, config);
    }
}
