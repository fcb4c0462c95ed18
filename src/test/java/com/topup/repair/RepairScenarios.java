package com.topup.repair;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;

import com.topup.channel.SimulatedChannels;
import com.topup.channel.adapter.JsonHmacSignature;
import com.topup.common.db.Sql;
import com.topup.devenv.KeycloakTokens;
import com.topup.notify.CallbackOrders;
import com.topup.support.MerchantApi;
import io.quarkus.arc.Arc;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Puts orders off the happy path through the real platform (simulator, Kafka, rules, PostgreSQL) and checks the
 * money afterwards.
 */
public final class RepairScenarios {

    public static final String SIM_FAST_SECRET = "sim-fast-secret-0c1d";
    public static final Duration WAIT = Duration.ofSeconds(40);

    private RepairScenarios() {
    }

    public static String token(String user) {
        String keycloak = ConfigProvider.getConfig().getValue("topup.test.keycloak-url", String.class);
        return KeycloakTokens.accessToken(keycloak + "/realms/topup", "topup-cli", user, user);
    }

    /** sim-fast alone takes orders and never finishes them: no result, no callback, status PROCESSING. */
    public static void channelThatNeverAnswers() {
        SimulatedChannels.only("sim-fast");
        SimulatedChannels.behave("sim-fast", """
                {"successRate": {"CHINA_MOBILE": 1.0, "CHINA_UNICOM": 1.0, "CHINA_TELECOM": 1.0, "CHINA_BROADNET": 1.0},
                 "submitLatency": {"medianMs": 5, "p95Ms": 10},
                 "resultLatency": {"medianMs": 3000000, "p95Ms": 3000000},
                 "queryLatency": {"medianMs": 5, "p95Ms": 10},
                 "lostCallbackRate": 1.0}""");
        SimulatedChannels.timings("sim-fast", 3_000, 500);
    }

    public static String place(MerchantApi merchant, String phone, long faceValue, String notifyUrl) {
        String body = "{\"merchantOrderId\":\"" + MerchantApi.uniqueOrderId("RP") + "\",\"phone\":\"" + phone
                + "\",\"faceValue\":" + faceValue + (notifyUrl == null ? "" : ",\"notifyUrl\":\"" + notifyUrl + "\"") + "}";
        return merchant.post("/api/v1/orders", body).then().statusCode(201).extract().path("orderId");
    }

    public static String place(long faceValue) {
        return place(MerchantApi.demo(), MerchantApi.uniquePhone(), faceValue, null);
    }

    public static JsonPath staffOrder(String orderId) {
        return given().auth().oauth2(token("auditor")).get("/admin/api/orders/" + orderId)
                .then().statusCode(200).extract().jsonPath();
    }

    public static String status(String orderId) {
        return staffOrder(orderId).getString("order.status");
    }

    public static void awaitStatus(String orderId, String wanted) {
        CallbackOrders.eventually(WAIT, "order " + orderId + " " + wanted, () -> wanted.equals(status(orderId)));
    }

    /** An order the channel never finishes, held for review by the seed repair rules after their status queries. */
    public static String heldForReview(long faceValue) {
        channelThatNeverAnswers();
        String orderId = place(faceValue);
        awaitStatus(orderId, "REVIEW");
        return orderId;
    }

    public static Response act(String user, String orderId, String action, String body) {
        return given().auth().oauth2(token(user)).contentType("application/json").body(body)
                .post("/admin/api/orders/{id}/actions/{action}", orderId, action);
    }

    /** The order's anomalies as the operators' queue lists them. */
    public static List<Map<String, Object>> anomalies(String orderId) {
        List<Map<String, Object>> items = given().auth().oauth2(token("operator")).queryParam("limit", 200)
                .get("/admin/api/anomalies").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(a -> orderId.equals(a.get("orderId"))).toList();
    }

    public static Map<String, Object> anomaly(String orderId, String kind) {
        CallbackOrders.eventually(WAIT, kind + " on " + orderId,
                () -> anomalies(orderId).stream().anyMatch(a -> kind.equals(a.get("kind"))));
        return anomalies(orderId).stream().filter(a -> kind.equals(a.get("kind"))).findFirst().orElseThrow();
    }

    /** A signed json-hmac callback from sim-fast about an attempt, as the supplier would send it. */
    public static Response channelCallback(String attemptId, String status, String channelReference, long amount) {
        String body = "{\"reference\":\"" + attemptId + "\",\"channelReference\":\"" + channelReference
                + "\",\"status\":\"" + status + "\",\"amount\":" + amount + "}";
        String timestamp = Long.toString(System.currentTimeMillis());
        return given().contentType("application/json")
                .header("X-Channel-Timestamp", timestamp)
                .header("X-Channel-Signature", JsonHmacSignature.sign(SIM_FAST_SECRET, timestamp,
                        body.getBytes(StandardCharsets.UTF_8)))
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/callbacks/channels/sim-fast");
    }

    public static long ledgerRows(String orderId, String kind) {
        return Arc.container().instance(Sql.class).get()
                .queryLong("select count(*) from ledger_entry where order_id = ? and kind = ?", orderId, kind);
    }

    /**
     * The money of an order moved exactly once: one debit; a refund if and only if it ended FAILED (or it was
     * charged again later); at most one re-charge, only after a refund; the merchant's ledger adds up.
     */
    public static void moneyMovedOnce(String orderId, String merchant) {
        String status = status(orderId);
        long debits = ledgerRows(orderId, "DEBIT");
        long refunds = ledgerRows(orderId, "REFUND");
        long recharges = ledgerRows(orderId, "RECHARGE");
        assertEquals(1, debits, "one debit of " + orderId);
        assertTrue(recharges <= refunds, "a re-charge only follows a refund");
        assertEquals("FAILED".equals(status) ? 1 : recharges, refunds, "a refund iff FAILED (" + status + ")");
        given().auth().oauth2(token("auditor")).get("/admin/api/merchants/{code}/reconciliation", merchant)
                .then().statusCode(200).body("balanced", equalTo(true));
        given().auth().oauth2(token("auditor")).get("/admin/api/audit/verify")
                .then().statusCode(200).body("intact", equalTo(true));
    }
}
