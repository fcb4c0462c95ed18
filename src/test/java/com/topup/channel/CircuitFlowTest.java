package com.topup.channel;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.channel.health.CircuitBreakers;
import com.topup.channel.health.CircuitState;
import com.topup.channel.health.HealthClock;
import com.topup.notify.CallbackOrders;
import com.topup.rules.LiveRules;
import com.topup.rules.RuleSetService;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A supplier's outage opens its circuit, traffic moves to the other channel, and after the open period probe
 * orders close it again — all through real orders, the real simulator and the breaker state in PostgreSQL.
 */
@QuarkusTest
class CircuitFlowTest {

    @Inject
    CircuitBreakers circuits;
    @Inject
    RuleSetService ruleSets;
    @Inject
    LiveRules live;

    private final ShiftedClock clock = new ShiftedClock();

    /** Real time plus an offset the test can push forward (the breaker's open period is 30 s). */
    static final class ShiftedClock extends HealthClock {
        private volatile Duration offset = Duration.ZERO;

        @Override
        public Instant now() {
            return Instant.now().plus(offset);
        }

        void skip(Duration by) {
            offset = offset.plus(by);
        }
    }

    private Integer liveRouting;

    /**
     * The breaker's own mechanics, under the earlier seed routing rules (v1, one rollback away): their weighted pick
     * keeps sending the failing channel orders until its circuit opens, where the live seed rules move traffic away
     * on the success model's predictions first.
     */
    @BeforeEach
    void useShiftedClockAndTheEarlierRoutingRules() {
        QuarkusMock.installMockForType(clock, HealthClock.class);
        SimulatedChannels.forgetHealthHistory();
        liveRouting = live.liveVersion("routing");
        ruleSets.rollback("routing", 1, "approver");
    }

    @AfterEach
    void restore() {
        ruleSets.rollback("routing", liveRouting, "approver");
        SimulatedChannels.restore();
        circuits.closeManually("sim-fast", "test");
    }

    private static JsonPath finalOrder(String orderId) {
        CallbackOrders.eventually(Duration.ofSeconds(20), "order " + orderId + " final", () -> {
            String status = staffOrder(orderId).getString("order.status");
            return "SUCCEEDED".equals(status) || "FAILED".equals(status) || "REVIEW".equals(status);
        });
        return staffOrder(orderId);
    }

    private static JsonPath staffOrder(String orderId) {
        return given().auth().oauth2(SimulatedChannels.token("operator")).get("/admin/api/orders/" + orderId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> channelsTried(JsonPath order) {
        return order.getList("attempts", Map.class).stream().map(a -> (String) a.get("channel")).toList();
    }

    @Test
    void anOutageOpensTheCircuitTrafficMovesAndRecoveryClosesIt() {
        SimulatedChannels.only("sim-fast", "sim-cheap");
        SimulatedChannels.behave("sim-fast", SimulatedChannels.behaviour("\"outageMode\": \"HTTP_503\""));
        SimulatedChannels.behave("sim-cheap", SimulatedChannels.behaviour(null));
        SimulatedChannels.outage("sim-fast", 120);

        for (int i = 0; i < 60 && circuits.state("sim-fast") != CircuitState.OPEN; i++) {
            JsonPath order = finalOrder(CallbackOrders.place(null));
            assertEquals("SUCCEEDED", order.getString("order.status"), "the other channel serves every order");
        }
        CallbackOrders.eventually(Duration.ofSeconds(5), "sim-fast open", () -> circuits.state("sim-fast") == CircuitState.OPEN);

        for (int i = 0; i < 8; i++) {
            JsonPath order = finalOrder(CallbackOrders.place(null));
            assertEquals("SUCCEEDED", order.getString("order.status"));
            assertEquals(List.of("sim-cheap"), channelsTried(order), "no traffic to an open channel");
        }

        SimulatedChannels.outage("sim-fast", 0);
        clock.skip(Duration.ofSeconds(31));
        CallbackOrders.eventually(Duration.ofSeconds(5), "sim-fast half-open",
                () -> circuits.state("sim-fast") == CircuitState.HALF_OPEN);
        boolean probed = false;
        for (int i = 0; i < 60 && circuits.state("sim-fast") != CircuitState.CLOSED; i++) {
            JsonPath order = finalOrder(CallbackOrders.place(null));
            assertEquals("SUCCEEDED", order.getString("order.status"));
            probed |= channelsTried(order).contains("sim-fast");
        }
        assertTrue(probed, "probe orders went to the recovering channel");
        assertEquals(CircuitState.CLOSED, circuits.state("sim-fast"), "three successful probes close the circuit");
    }
}
