package com.topup.repair.reconciliation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.channel.SimulatedChannels;
import com.topup.devenv.KeycloakTokens;
import com.topup.notify.CallbackOrders;
import com.topup.repair.RepairScenarios;
import com.topup.support.MerchantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A supplier's statement of today matched against the platform through the real simulator and staff API. */
@QuarkusTest
class ReconciliationFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeEach
    void cleanHealthWindow() {
        SimulatedChannels.forgetHealthHistory();
    }

    @AfterEach
    void restore() {
        SimulatedChannels.restore();
    }

    private static String token(String user) {
        String keycloak = ConfigProvider.getConfig().getValue("topup.test.keycloak-url", String.class);
        return KeycloakTokens.accessToken(keycloak + "/realms/topup", "topup-cli", user, user);
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    private static String placeAndFinish(String expected) {
        String orderId = MerchantApi.demo().post("/api/v1/orders",
                        MerchantApi.orderJson(MerchantApi.uniqueOrderId("RC"), MerchantApi.uniquePhone(), 5_000))
                .then().statusCode(201).extract().path("orderId");
        CallbackOrders.eventually(WAIT, orderId + " " + expected, () -> expected.equals(given().auth().oauth2(token("auditor"))
                .get("/admin/api/orders/" + orderId).then().extract().path("order.status")));
        return orderId;
    }

    private static JsonPath reconcile() {
        return given().auth().oauth2(token("operator")).contentType("application/json")
                .body("{\"channel\":\"sim-fast\",\"date\":\"" + today() + "\"}")
                .post("/admin/api/reconciliation/runs").then().statusCode(200)
                .body("run.status", equalTo("DONE")).extract().jsonPath();
    }

    private static Map<String, Object> differenceOf(JsonPath report, String orderId) {
        List<Map<String, Object>> differences = report.getList("differences");
        return differences.stream().filter(d -> orderId.equals(d.get("orderId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no difference for " + orderId + " in " + differences));
    }

    @Test
    void aChargeTheSupplierMadeForAFailedOrderIsFoundAndTheMerchantChargedAgain() {
        SimulatedChannels.only("sim-fast");
        SimulatedChannels.behave("sim-fast", SimulatedChannels.behaviour(0.0, "\"chargedDespiteFailureRate\": 1.0"));
        String orderId = placeAndFinish("FAILED");

        JsonPath report = reconcile();
        Map<String, Object> leak = differenceOf(report, orderId);
        assertEquals("SUPPLIER_CHARGED_NOT_RECORDED", leak.get("kind"));
        assertEquals("OPEN", leak.get("anomalyStatus"));
        long anomalyId = ((Number) leak.get("anomalyId")).longValue();

        given().auth().oauth2(token("operator")).contentType("application/json")
                .body("{\"resolution\":\"RECHARGE_MERCHANT\",\"reason\":\"supplier statement shows the top-up\"}")
                .post("/admin/api/anomalies/" + anomalyId + "/resolve").then().statusCode(200)
                .body("orderStatus", equalTo("SUCCEEDED"));
        assertEquals(1L, RepairScenarios.ledgerRows(orderId, "RECHARGE"));
        RepairScenarios.moneyMovedOnce(orderId, MerchantApi.DEMO);

        JsonPath again = reconcile();
        assertTrue(again.getList("differences.orderId").stream().noneMatch(orderId::equals),
                "once charged again the order matches the statement");
    }

    @Test
    void anOmittedSuccessAndAMisstatedAmountAreDifferencesOnce() {
        SimulatedChannels.only("sim-fast");
        SimulatedChannels.behave("sim-fast", SimulatedChannels.behaviour("\"statementOmitRate\": 1.0"));
        String omitted = placeAndFinish("SUCCEEDED");
        SimulatedChannels.behave("sim-fast", SimulatedChannels.behaviour("\"statementAmountErrorRate\": 1.0"));
        String misstated = placeAndFinish("SUCCEEDED");

        JsonPath report = reconcile();
        assertEquals("SUPPLIER_MISSING_SUCCESS", differenceOf(report, omitted).get("kind"));
        assertEquals("STATEMENT_AMOUNT_DIFFERENCE", differenceOf(report, misstated).get("kind"));
        long anomaly = ((Number) differenceOf(report, omitted).get("anomalyId")).longValue();
        JsonPath rerun = reconcile();
        assertEquals(anomaly, ((Number) differenceOf(rerun, omitted).get("anomalyId")).longValue(),
                "a second run finds the same anomaly, not a new one");
        given().auth().oauth2(token("auditor")).get("/admin/api/reconciliation?channel=sim-fast&date=" + today())
                .then().statusCode(200).body("run.channel", equalTo("sim-fast"));
    }

    @Test
    void badRunsAreRefused() {
        String operator = token("operator");
        given().auth().oauth2(operator).contentType("application/json").body("{\"channel\":\"no-such\",\"date\":\"2026-01-01\"}")
                .post("/admin/api/reconciliation/runs").then().statusCode(404).body("code", equalTo("CHANNEL_NOT_FOUND"));
        given().auth().oauth2(operator).contentType("application/json").body("{\"channel\":\"sim-fast\",\"date\":\"yesterday\"}")
                .post("/admin/api/reconciliation/runs").then().statusCode(400).body("details.field", equalTo("date"));
        given().auth().oauth2(operator).contentType("application/json")
                .body("{\"channel\":\"sim-fast\",\"date\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(2) + "\"}")
                .post("/admin/api/reconciliation/runs").then().statusCode(400);
        given().auth().oauth2(operator).get("/admin/api/reconciliation?channel=sim-fast&date=1999-01-01")
                .then().statusCode(404).body("code", equalTo("RECONCILIATION_NOT_FOUND"));
        given().auth().oauth2(token("auditor")).contentType("application/json").body("{\"channel\":\"sim-fast\",\"date\":\"2026-01-01\"}")
                .post("/admin/api/reconciliation/runs").then().statusCode(403);
    }
}
