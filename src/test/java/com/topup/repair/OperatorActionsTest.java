package com.topup.repair;

import static com.topup.repair.RepairScenarios.act;
import static com.topup.repair.RepairScenarios.heldForReview;
import static com.topup.repair.RepairScenarios.moneyMovedOnce;
import static com.topup.repair.RepairScenarios.staffOrder;
import static com.topup.repair.RepairScenarios.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.topup.channel.SimulatedChannels;
import com.topup.common.db.Sql;
import com.topup.support.MerchantApi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Operator actions: guarded by state, idempotent under an action id, four eyes for money, refusals change nothing. */
@QuarkusTest
class OperatorActionsTest {

    @Inject
    Sql sql;

    @BeforeEach
    void cleanHealthWindow() {
        SimulatedChannels.forgetHealthHistory();
    }

    @AfterEach
    void restore() {
        SimulatedChannels.restore();
    }

    @Test
    void aRefundHappensOnceWhateverIsRepeated() {
        String orderId = heldForReview(10_000);
        String body = "{\"reason\":\"supplier confirmed failure\",\"actionId\":\"refund-" + orderId + "\"}";
        String first = act("operator", orderId, "refund", body).then().statusCode(200)
                .body("order.status", equalTo("FAILED"))
                .body("order.failureCode", equalTo("REFUNDED_BY_OPERATOR"))
                .body("action.status", equalTo("DONE"))
                .extract().asString();
        String again = act("operator", orderId, "refund", body).then().statusCode(200).extract().asString();
        assertEquals(first, again, "the same action id gives the first answer");
        act("operator", orderId, "refund", "{\"reason\":\"something else\",\"actionId\":\"refund-" + orderId + "\"}")
                .then().statusCode(409).body("code", equalTo("ACTION_ID_REUSED"));
        act("operator", orderId, "refund", "{\"reason\":\"once more\"}").then().statusCode(409)
                .body("code", equalTo("INVALID_STATE")).body("details.status", equalTo("FAILED"));
        act("operator", orderId, "retry", "{\"reason\":\"too late\"}").then().statusCode(409)
                .body("code", equalTo("INVALID_STATE"));
        moneyMovedOnce(orderId, MerchantApi.DEMO);

        given().auth().oauth2(token("auditor")).queryParam("action", "ORDER_REFUND").queryParam("target", "order:" + orderId)
                .get("/admin/api/audit").then().statusCode(200)
                .body("items[0].actor", equalTo("operator"))
                .body("items[0].roles", hasItem("operator"))
                .body("items[0].reason", equalTo("supplier confirmed failure"))
                .body("items[0].diff.find { it.path == 'status' }.before", equalTo("REVIEW"))
                .body("items[0].diff.find { it.path == 'status' }.after", equalTo("FAILED"));
    }

    @Test
    void moneyAboveTheFourEyesAmountWaitsForASecondOperator() {
        String orderId = heldForReview(30_000);
        act("operator", orderId, "mark-succeeded", "{\"reason\":\"supplier portal shows it\"}").then().statusCode(400)
                .body("details.field", equalTo("channelReference"));
        String actionId = act("operator", orderId, "mark-succeeded",
                "{\"reason\":\"supplier portal shows it\",\"channelReference\":\"SUP-77\"}").then().statusCode(200)
                .body("action.status", equalTo("AWAITING_SECOND_OPERATOR"))
                .body("order.status", equalTo("REVIEW"))
                .extract().path("action.id");
        given().auth().oauth2(token("operator")).queryParam("status", "AWAITING_SECOND_OPERATOR")
                .get("/admin/api/actions").then().statusCode(200).body("id", hasItem(actionId));

        given().auth().oauth2(token("operator")).post("/admin/api/actions/{id}/confirm", actionId)
                .then().statusCode(409).body("code", equalTo("SELF_CONFIRMATION"));
        assertEquals("REVIEW", RepairScenarios.status(orderId));
        given().auth().oauth2(token("operator2")).post("/admin/api/actions/{id}/confirm", actionId)
                .then().statusCode(200)
                .body("action.status", equalTo("DONE"))
                .body("action.decidedBy", equalTo("operator2"))
                .body("order.status", equalTo("SUCCEEDED"));
        assertEquals("SUP-77", staffOrder(orderId).getString("attempts[0].channelReference"));
        given().auth().oauth2(token("operator2")).post("/admin/api/actions/{id}/confirm", actionId)
                .then().statusCode(409).body("code", equalTo("INVALID_STATE")).body("details.status", equalTo("DONE"));
        moneyMovedOnce(orderId, MerchantApi.DEMO);
    }

    @Test
    void aDeclinedRequestChangesNothingAndAnotherCanBeMade() {
        String orderId = heldForReview(30_000);
        String actionId = act("operator", orderId, "refund", "{\"reason\":\"customer complained\"}").then().statusCode(200)
                .body("action.status", equalTo("AWAITING_SECOND_OPERATOR")).extract().path("action.id");
        given().auth().oauth2(token("operator2")).contentType("application/json").body("{}")
                .post("/admin/api/actions/{id}/reject", actionId).then().statusCode(400);
        given().auth().oauth2(token("operator2")).contentType("application/json").body("{\"reason\":\"supplier still working\"}")
                .post("/admin/api/actions/{id}/reject", actionId).then().statusCode(200)
                .body("action.status", equalTo("REJECTED"));
        assertEquals("REVIEW", RepairScenarios.status(orderId));
        assertEquals(0L, RepairScenarios.ledgerRows(orderId, "REFUND"));
        moneyMovedOnce(orderId, MerchantApi.DEMO);
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        String orderId = heldForReview(10_000);
        long actionsBefore = sql.queryLong("select count(*) from operator_action");
        act("operator", "T-NO-SUCH-ORDER", "refund", "{\"reason\":\"x\"}").then().statusCode(404)
                .body("code", equalTo("ORDER_NOT_FOUND"));
        act("operator", orderId, "explode", "{\"reason\":\"x\"}").then().statusCode(404);
        act("operator", orderId, "refund", "{}").then().statusCode(400).body("details.field", equalTo("reason"));
        act("operator", orderId, "refund", "{\"reason\":\"   \"}").then().statusCode(400);
        act("operator", orderId, "refund", "{\"reason\":").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        act("operator", orderId, "refund", "{\"reason\":\"x\",\"actionId\":\"has spaces\"}").then().statusCode(400)
                .body("details.field", equalTo("actionId"));
        act("operator", orderId, "refund", "{\"reason\":\"x\",\"excludeChannels\":[\"sim-fast\"]}").then().statusCode(400)
                .body("details.field", equalTo("excludeChannels"));
        act("operator", orderId, "retry", "{\"reason\":\"x\",\"excludeChannels\":[\"no-such\"]}").then().statusCode(400)
                .body("details.field", equalTo("excludeChannels"));
        act("operator", orderId, "resend-notify", "{\"reason\":\"x\"}").then().statusCode(409)
                .body("details.status", equalTo("REVIEW"));
        given().auth().oauth2(token("operator")).post("/admin/api/actions/NO-SUCH/confirm").then().statusCode(404)
                .body("code", equalTo("ACTION_NOT_FOUND"));
        given().auth().oauth2(token("operator")).contentType("application/json").body("{\"resolution\":\"DISMISS\",\"reason\":\"x\"}")
                .post("/admin/api/anomalies/999999999/resolve").then().statusCode(404);
        given().auth().oauth2(token("operator")).contentType("application/json").body("{\"resolution\":\"AUTOMATIC\",\"reason\":\"x\"}")
                .post("/admin/api/anomalies/1/resolve").then().statusCode(400);

        assertEquals("REVIEW", RepairScenarios.status(orderId));
        assertEquals(actionsBefore, sql.queryLong("select count(*) from operator_action"));
        assertEquals(List.of("sim-fast"), staffOrder(orderId).getList("attempts.channel"));
        moneyMovedOnce(orderId, MerchantApi.DEMO);
    }
}
