package com.topup.repair;

import static com.topup.repair.RepairScenarios.act;
import static com.topup.repair.RepairScenarios.anomaly;
import static com.topup.repair.RepairScenarios.awaitStatus;
import static com.topup.repair.RepairScenarios.channelCallback;
import static com.topup.repair.RepairScenarios.heldForReview;
import static com.topup.repair.RepairScenarios.ledgerRows;
import static com.topup.repair.RepairScenarios.moneyMovedOnce;
import static com.topup.repair.RepairScenarios.staffOrder;
import static com.topup.repair.RepairScenarios.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.channel.SimulatedChannels;
import com.topup.notify.CallbackOrders;
import com.topup.notify.TestMerchantReceiver;
import com.topup.support.MerchantApi;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every anomaly kind produced through the simulator and the channel callback endpoint, carried to a final state by
 * the repair rules or an operator, with the money checked after each.
 */
@QuarkusTest
class RepairFlowTest {

    @TestHTTPResource("/")
    URL app;

    @BeforeEach
    void cleanHealthWindow() {
        SimulatedChannels.forgetHealthHistory();
    }

    @AfterEach
    void restore() {
        SimulatedChannels.restore();
    }

    @Test
    void aStuckOrderIsQueriedThenHeldAndAnOperatorRetriesItOnAnotherChannel() {
        String orderId = heldForReview(10_000);
        Map<String, Object> stuck = anomaly(orderId, "STUCK_PROCESSING");
        assertEquals("OPEN", stuck.get("status"));
        assertEquals("HOLD_FOR_REVIEW", stuck.get("action"));
        assertNotNull(stuck.get("ruleVersion"), "the repair rules decided, not a safe default");
        JsonPath held = staffOrder(orderId);
        assertTrue(held.getInt("attempts[0].queries") >= 5, "the seed rules ask five times before holding");
        List<String> kinds = held.getList("timeline.kind");
        assertTrue(kinds.containsAll(List.of("ACCEPTED", "ATTEMPT", "QUERY", "ANOMALY", "REPAIR")), kinds.toString());

        SimulatedChannels.only("sim-fast", "sim-cheap");
        SimulatedChannels.behave("sim-cheap", SimulatedChannels.behaviour(null));
        act("operator", orderId, "retry", "{\"reason\":\"sim-fast lost it\",\"excludeChannels\":[\"sim-fast\"]}")
                .then().statusCode(200)
                .body("order.status", equalTo("PROCESSING"))
                .body("action.kind", equalTo("RETRY"))
                .body("action.status", equalTo("DONE"));
        awaitStatus(orderId, "SUCCEEDED");

        JsonPath done = staffOrder(orderId);
        assertEquals(List.of("sim-fast", "sim-cheap"), done.getList("attempts.channel"));
        assertEquals("ABANDONED_BY_OPERATOR", done.getString("attempts[0].errorClass"));
        assertEquals("RESOLVED", anomaly(orderId, "STUCK_PROCESSING").get("status"), "finishing the order settles it");
        List<String> finalKinds = done.getList("timeline.kind");
        assertTrue(finalKinds.containsAll(List.of("OPERATOR_ACTION", "CHANNEL_RESULT", "FINISHED")), finalKinds.toString());
        moneyMovedOnce(orderId, MerchantApi.DEMO);
    }

    @Test
    void aSuccessAfterTheRefundWaitsForAnOperatorWhoChargesTheMerchantAgain() {
        String inbox = CallbackOrders.newInbox();
        RepairScenarios.channelThatNeverAnswers();
        String orderId = RepairScenarios.place(MerchantApi.demo(), MerchantApi.uniquePhone(), 10_000,
                CallbackOrders.receiverUrl(app.getPort(), inbox));
        awaitStatus(orderId, "REVIEW");
        act("operator", orderId, "refund", "{\"reason\":\"supplier says it failed\"}").then().statusCode(200)
                .body("order.status", equalTo("FAILED"));
        CallbackOrders.eventually(RepairScenarios.WAIT, "FAILED callback", () -> TestMerchantReceiver.received(inbox).size() == 1);

        channelCallback(orderId + "-1", "SUCCEEDED", "LATE-" + orderId, 10_000).then().statusCode(200);
        Map<String, Object> late = anomaly(orderId, "SUCCESS_AFTER_REFUND");
        assertEquals("OPEN", late.get("status"));
        assertEquals("FLAG", late.get("action"));
        assertEquals(9_850, ((Number) late.get("amountAtStake")).intValue());
        assertEquals("FAILED", RepairScenarios.status(orderId), "the order stays FAILED until a person decides");

        long id = ((Number) late.get("id")).longValue();
        resolve(id, "{\"resolution\":\"RECHARGE_MERCHANT\",\"reason\":\"airtime arrived; merchant agreed\"}")
                .then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("resolution", equalTo("RECHARGE_MERCHANT"))
                .body("orderStatus", equalTo("SUCCEEDED"));
        assertEquals(1, ledgerRows(orderId, "RECHARGE"));
        CallbackOrders.eventually(RepairScenarios.WAIT, "SUCCEEDED callback", () -> TestMerchantReceiver.received(inbox).size() == 2);
        assertTrue(TestMerchantReceiver.received(inbox).get(1).body().contains("\"status\":\"SUCCEEDED\""));
        resolve(id, "{\"resolution\":\"WRITE_OFF\",\"reason\":\"again\"}").then().statusCode(409)
                .body("code", equalTo("INVALID_STATE")).body("details.status", equalTo("RESOLVED"));
        moneyMovedOnce(orderId, MerchantApi.DEMO);
    }

    @Test
    void aSupplierThatSucceedsAfterReportingFailureLeavesTheOrderFailedForAnOperatorToWriteOff() {
        SimulatedChannels.only("sim-fast");
        SimulatedChannels.behave("sim-fast", SimulatedChannels.behaviour(0.0,
                "\"successAfterFailureRate\": 1.0, \"successAfterFailureDelayMs\": 3000"));
        String orderId = RepairScenarios.place(2_000);
        awaitStatus(orderId, "FAILED");
        Map<String, Object> late = anomaly(orderId, "SUCCESS_AFTER_REFUND");
        assertEquals("FLAG", late.get("action"));
        assertEquals("FAILED", RepairScenarios.status(orderId));
        resolve(((Number) late.get("id")).longValue(), "{\"resolution\":\"WRITE_OFF\",\"reason\":\"small amount, goodwill\"}")
                .then().statusCode(200).body("resolution", equalTo("WRITE_OFF")).body("orderStatus", equalTo("FAILED"));
        moneyMovedOnce(orderId, MerchantApi.DEMO);
    }

    @Test
    void aReChargeTheMerchantCannotCoverIsRefusedAndTheMoneyWrittenOff() {
        String code = "repair-" + System.nanoTime() % 1_000_000_000;
        String secret = "repair-merchant-secret-" + code;
        given().auth().oauth2(token("admin")).contentType("application/json")
                .body("{\"code\":\"" + code + "\",\"name\":\"Tight\",\"secret\":\"" + secret + "\",\"openingBalance\":985}")
                .post("/admin/api/merchants").then().statusCode(201);
        MerchantApi merchant = new MerchantApi(code, secret);
        RepairScenarios.channelThatNeverAnswers();
        String orderId = RepairScenarios.place(merchant, MerchantApi.uniquePhone(), 1_000, null);
        awaitStatus(orderId, "REVIEW");
        act("operator", orderId, "refund", "{\"reason\":\"give it back\"}").then().statusCode(200);
        String spends = RepairScenarios.place(merchant, MerchantApi.uniquePhone(), 1_000, null);
        assertNotNull(spends);

        channelCallback(orderId + "-1", "SUCCEEDED", "LATE-" + orderId, 1_000).then().statusCode(200);
        long id = ((Number) anomaly(orderId, "SUCCESS_AFTER_REFUND").get("id")).longValue();
        resolve(id, "{\"resolution\":\"RECHARGE_MERCHANT\",\"reason\":\"try\"}").then().statusCode(402)
                .body("code", equalTo("INSUFFICIENT_BALANCE"));
        assertEquals("FAILED", RepairScenarios.status(orderId), "nothing changed");
        assertEquals(0, ledgerRows(orderId, "RECHARGE"));
        resolve(id, "{\"resolution\":\"WRITE_OFF\",\"reason\":\"merchant cannot pay; we absorb it\"}")
                .then().statusCode(200).body("resolution", equalTo("WRITE_OFF"));
        moneyMovedOnce(orderId, code);
    }

    @Test
    void aWrongAmountIsHeldAndAnOperatorMarksItSucceeded() {
        RepairScenarios.channelThatNeverAnswers();
        SimulatedChannels.timings("sim-fast", 3_000, 600_000);
        String orderId = RepairScenarios.place(10_000);
        CallbackOrders.eventually(RepairScenarios.WAIT, "attempt started",
                () -> "PROCESSING".equals(RepairScenarios.status(orderId)));
        channelCallback(orderId + "-1", "SUCCEEDED", "PARTIAL-" + orderId, 5_000).then().statusCode(200);
        awaitStatus(orderId, "REVIEW");
        Map<String, Object> mismatch = anomaly(orderId, "AMOUNT_MISMATCH");
        assertEquals("HOLD_FOR_REVIEW", mismatch.get("action"));

        act("operator", orderId, "mark-succeeded", "{\"reason\":\"supplier confirmed full amount\",\"channelReference\":\"CONF-1\"}")
                .then().statusCode(200).body("order.status", equalTo("SUCCEEDED")).body("action.status", equalTo("DONE"))
                .body("action.channelReference", equalTo("CONF-1"));
        assertEquals("RESOLVED", anomaly(orderId, "AMOUNT_MISMATCH").get("status"));
        assertEquals("PARTIAL-" + orderId, staffOrder(orderId).getString("attempts[0].channelReference"),
                "the supplier's own reference of its success is kept");
        moneyMovedOnce(orderId, MerchantApi.DEMO);
    }

    @Test
    void theSameOrderAgainWithinMinutesIsHeldBeforeDispatchUntilAnOperatorSendsIt() {
        SimulatedChannels.only("sim-fast");
        SimulatedChannels.behave("sim-fast", SimulatedChannels.behaviour(null));
        String phone = MerchantApi.uniquePhone();
        String first = RepairScenarios.place(MerchantApi.demo(), phone, 2_000, null);
        String second = RepairScenarios.place(MerchantApi.demo(), phone, 2_000, null);
        awaitStatus(first, "SUCCEEDED");
        awaitStatus(second, "REVIEW");
        assertTrue(staffOrder(second).getList("attempts").isEmpty(), "held before any channel was asked");
        Map<String, Object> repeat = anomaly(second, "DUPLICATE_SUBMISSION");
        assertEquals("HOLD_FOR_REVIEW", repeat.get("action"));
        assertEquals(first, ((Map<?, ?>) repeat.get("details")).get("previousOrder"));

        act("operator", second, "retry", "{\"reason\":\"merchant confirmed two top-ups\"}").then().statusCode(200);
        awaitStatus(second, "SUCCEEDED");
        assertEquals("RESOLVED", anomaly(second, "DUPLICATE_SUBMISSION").get("status"));
        moneyMovedOnce(first, MerchantApi.DEMO);
        moneyMovedOnce(second, MerchantApi.DEMO);
    }

    @Test
    void aDuplicateChargeIsReversedOrClaimedFromTheSupplier() {
        SimulatedChannels.only("sim-fast");
        SimulatedChannels.behave("sim-fast", SimulatedChannels.behaviour("\"chargedTwiceRate\": 1.0"));
        String orderId = RepairScenarios.place(5_000);
        awaitStatus(orderId, "SUCCEEDED");
        Map<String, Object> twice = anomaly(orderId, "DUPLICATE_SUCCESS");
        assertEquals("REVERSE_DUPLICATE_CHARGE", twice.get("action"));
        long id = ((Number) twice.get("id")).longValue();
        CallbackOrders.eventually(RepairScenarios.WAIT, "reversal answered", () -> {
            JsonPath detail = anomalyDetail(id);
            return "RESOLVED".equals(detail.getString("anomaly.status"))
                    || detail.getList("steps.action").contains("CLAIM_RECORDED");
        });
        assertEquals("SUCCEEDED", RepairScenarios.status(orderId), "the order itself stays succeeded once");
        moneyMovedOnce(orderId, MerchantApi.DEMO);
    }

    static JsonPath anomalyDetail(long id) {
        return given().auth().oauth2(token("auditor")).get("/admin/api/anomalies/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    static io.restassured.response.Response resolve(long id, String body) {
        return given().auth().oauth2(token("operator")).contentType("application/json").body(body)
                .post("/admin/api/anomalies/" + id + "/resolve");
    }
}
