package com.topup.rules;

import static com.topup.repair.RepairScenarios.anomaly;
import static com.topup.repair.RepairScenarios.awaitStatus;
import static com.topup.repair.RepairScenarios.channelCallback;
import static com.topup.repair.RepairScenarios.staffOrder;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.topup.channel.SimulatedChannels;
import com.topup.notify.CallbackOrders;
import com.topup.repair.RepairScenarios;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The running instance is put back into the state of one that has just started — no rule set loaded, the rule sync
 * held — to show that nothing is decided without the rules: not ready, a stuck order is not queried or handed to a
 * person, a new order is not routed, a supplier's failure report is refused with 503. Once the sync loads the rules
 * again, every one of them is decided by a rule version, none by the safe default.
 */
@QuarkusTest
class StartingInstanceTest {

    /** Several status query intervals (1 s in tests): a poller that did not wait would have asked meanwhile. */
    private static final Duration UNLOADED_FOR = Duration.ofSeconds(3);

    @Inject
    LiveRules live;

    @Inject
    RuleSetService ruleSets;

    @AfterEach
    void restore() {
        CallbackOrders.eventually(RepairScenarios.WAIT, "rules loaded again", () -> live.notLoaded().isEmpty());
        SimulatedChannels.restore();
    }

    @Test
    void withoutItsRulesTheInstanceWaitsAndDecidesEverythingByRuleOnceTheyAreLoaded() {
        RepairScenarios.channelThatNeverAnswers();
        String stuck = RepairScenarios.place(10_000);
        awaitStatus(stuck, "PROCESSING");
        String fresh;
        int queriesBefore;

        synchronized (ClientProxy.unwrap(ruleSets)) { // holds the rule sync: it cannot load anything meanwhile
            Map<String, RuleSetRuntime> unloaded = live.unloadAll();
            assertEquals(RuleSets.ALL.size(), unloaded.size());

            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'rules' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'rules' }.data.repair", equalTo("not loaded"));
            channelCallback(stuck + "-1", "FAILED", "REF-" + stuck, 10_000).then().statusCode(503)
                    .body("code", equalTo("RULES_NOT_READY"));
            fresh = RepairScenarios.place(10_000);
            queriesBefore = staffOrder(stuck).getInt("attempts[0].queries"); // a query under way at the unload is in

            long until = System.nanoTime() + UNLOADED_FOR.toNanos();
            while (System.nanoTime() < until) {
                JsonPath stuckNow = staffOrder(stuck);
                assertEquals("PROCESSING", stuckNow.getString("order.status"), "nobody decides about the stuck order");
                assertEquals(queriesBefore, stuckNow.getInt("attempts[0].queries"), "its channel is not asked either");
                assertEquals("PENDING", RepairScenarios.status(fresh), "a new order is not routed without the rules");
                pause();
            }
        }

        CallbackOrders.eventually(RepairScenarios.WAIT, "ready once the sync loaded the rules again",
                () -> given().get("/q/health/ready").statusCode() == 200);
        awaitStatus(fresh, "PROCESSING");
        assertNotNull(staffOrder(fresh).get("attempts[0].ruleVersion"), "routed by the routing rules");
        awaitStatus(stuck, "REVIEW");
        Map<String, Object> held = anomaly(stuck, "STUCK_PROCESSING");
        assertEquals("HOLD_FOR_REVIEW", held.get("action"));
        assertNotNull(held.get("ruleVersion"), "held by the repair rules, not by the safe default");
        assertTrue(staffOrder(stuck).getInt("attempts[0].queries") >= 5, "asked as the rules say before holding");
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }
}
