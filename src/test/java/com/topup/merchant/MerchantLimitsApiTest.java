package com.topup.merchant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.common.db.Sql;
import com.topup.devenv.KeycloakTokens;
import com.topup.support.MerchantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Per-merchant IP allow-lists and rate limits (CONTRACT §1), set through the staff endpoint, through real HTTP. */
@QuarkusTest
class MerchantLimitsApiTest {

    private static final String BALANCE = "/api/v1/balance";
    private static final String ORDERS = "/api/v1/orders";

    @Inject
    MerchantAccountService accounts;

    @Inject
    Sql sql;

    @ConfigProperty(name = "topup.test.keycloak-url")
    String keycloakUrl;

    @ConfigProperty(name = "topup.merchant.default-requests-per-second")
    int defaultRate;

    @Test
    void anAllowListWithoutTheCallerRefusesItBeforeTheSignature() {
        MerchantApi merchant = newMerchant("ip");
        String code = merchant.code();
        putLimits(code, "{\"requestsPerSecond\":null,\"allowedIps\":[\"203.0.113.0/24\",\"2001:db8::/32\"]}")
                .then().statusCode(200).body("allowedIps[0]", equalTo("203.0.113.0/24"));

        merchant.get(BALANCE).then().statusCode(403).body("code", equalTo("IP_NOT_ALLOWED"));
        new MerchantApi(code, "not-the-merchant-secret").get(BALANCE)
                .then().statusCode(403).body("code", equalTo("IP_NOT_ALLOWED"));
        // the forwarding header counts only when quarkus.http.proxy trusts the sender; tests do not configure that
        merchant.signed("GET", BALANCE, new byte[0]).header("X-Forwarded-For", "203.0.113.9")
                .header("Forwarded", "for=203.0.113.9").get(BALANCE)
                .then().statusCode(403).body("code", equalTo("IP_NOT_ALLOWED"));

        putLimits(code, "{\"allowedIps\":[\"10.0.0.0/8\",\"127.0.0.1\"]}").then().statusCode(200)
                .body("allowedIps[1]", equalTo("127.0.0.1/32"));
        merchant.get(BALANCE).then().statusCode(200).body("merchantId", equalTo(code));
        new MerchantApi(code, "not-the-merchant-secret").get(BALANCE)
                .then().statusCode(401).body("code", equalTo("BAD_SIGNATURE"));

        putLimits(code, "{\"allowedIps\":null}").then().statusCode(200).body("allowedIps", nullValue());
        merchant.get(BALANCE).then().statusCode(200);
    }

    @Test
    void aBurstBeyondTheRateIsRefusedWithRetryAfterAndNothingIsCharged() {
        MerchantApi merchant = newMerchant("rate");
        putLimits(merchant.code(), "{\"requestsPerSecond\":3,\"allowedIps\":null}").then().statusCode(200)
                .body("requestsPerSecond", equalTo(3)).body("effectiveRequestsPerSecond", equalTo(3));
        long merchantId = accounts.idOf(merchant.code());
        long balanceBefore = balanceOf(merchantId);

        awaitStartOfASecond();
        long firstSecond = System.currentTimeMillis() / 1000;
        List<String> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = MerchantApi.uniqueOrderId("RATE");
            Response response = merchant.post(ORDERS, MerchantApi.orderJson(id, MerchantApi.uniquePhone(), 1000));
            if (response.statusCode() == 429) {
                assertEquals("RATE_LIMITED", response.path("code"));
                assertEquals("1", response.header("Retry-After"));
                assertEquals(3, (Integer) response.path("details.requestsPerSecond"));
                refused.add(id);
            } else {
                assertEquals(201, response.statusCode(), response.asString());
                accepted.add(id);
            }
        }
        long seconds = System.currentTimeMillis() / 1000 - firstSecond + 1;

        assertTrue(accepted.size() <= 3 * seconds, accepted.size() + " accepted within " + seconds + " s");
        if (seconds == 1) {
            assertEquals(3, accepted.size(), "exactly the limit within one second");
        }
        assertTrue(refused.size() >= 8 - 3 * seconds, refused.size() + " refused");
        assertEquals(balanceBefore - 985L * accepted.size(), balanceOf(merchantId), "only accepted orders are charged");
        assertEquals(accepted.size(), ordersOf(merchantId, accepted));
        assertEquals(0, ordersOf(merchantId, refused), "a refused request stores no order");

        awaitNextSecond();
        merchant.get(BALANCE).then().statusCode(200);
    }

    @Test
    void aMerchantWithoutItsOwnLimitHasTheDefault() {
        MerchantApi merchant = newMerchant("default");
        given().auth().oauth2(token("operator")).get("/admin/api/merchants/" + merchant.code() + "/limits")
                .then().statusCode(200)
                .body("merchantId", equalTo(merchant.code()))
                .body("requestsPerSecond", nullValue())
                .body("allowedIps", nullValue())
                .body("effectiveRequestsPerSecond", equalTo(defaultRate));
    }

    @Test
    void badLimitsAreRefusedAndAnUnknownMerchantIsNotFound() {
        MerchantApi merchant = newMerchant("bad");
        String[] bad = {
                "{\"requestsPerSecond\":0}", "{\"requestsPerSecond\":-5}", "{\"requestsPerSecond\":100001}",
                "{\"requestsPerSecond\":\"fast\"}", "{\"allowedIps\":[]}", "{\"allowedIps\":[\"not-an-address\"]}",
                "{\"allowedIps\":[\"10.0.0.0/33\"]}", "{\"allowedIps\":[\"\"]}", "{\"allowedIps\":\"10.0.0.1\"}",
                "[1,2]", "{\"requestsPerSecond\":5", "", "{\"requestsPerSec\":5}", "{\"requestsPerSecond\":2.5}",
        };
        for (String body : bad) {
            Response response = putLimits(merchant.code(), body);
            assertEquals(400, response.statusCode(), body);
            assertEquals("INVALID_REQUEST", response.path("code"), body);
        }
        given().auth().oauth2(token("operator")).get("/admin/api/merchants/" + merchant.code() + "/limits")
                .then().statusCode(200).body("requestsPerSecond", nullValue()).body("allowedIps", nullValue());
        putLimits("no-such-merchant", "{\"requestsPerSecond\":5}").then().statusCode(404)
                .body("code", equalTo("MERCHANT_NOT_FOUND"));
        given().auth().oauth2(token("operator")).get("/admin/api/merchants/no-such-merchant/limits")
                .then().statusCode(404).body("code", equalTo("MERCHANT_NOT_FOUND"));
    }

    @Test
    void aChangeIsAuditedWithTheLimitsBeforeAndAfter() {
        MerchantApi merchant = newMerchant("audit");
        putLimits(merchant.code(), "{\"requestsPerSecond\":7,\"allowedIps\":[\"198.51.100.0/24\"]}").then().statusCode(200);
        putLimits(merchant.code(), "{\"requestsPerSecond\":20,\"allowedIps\":null}").then().statusCode(200);
        JsonPath page = given().auth().oauth2(token("auditor"))
                .queryParam("action", "MERCHANT_LIMITS_CHANGED").queryParam("target", "merchant:" + merchant.code())
                .get("/admin/api/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(2, page.getList("items").size());
        assertEquals("admin", page.getString("items[0].actor"));
        assertEquals(7, page.getInt("items[0].before.requestsPerSecond"));
        assertEquals(List.of("198.51.100.0/24"), page.getList("items[0].before.allowedIps"));
        assertEquals(20, page.getInt("items[0].after.requestsPerSecond"));
        assertNull(page.get("items[0].after.allowedIps"));
        assertNull(page.get("items[1].before.requestsPerSecond"));
        assertEquals(7, page.getInt("items[1].after.requestsPerSecond"));
    }

    private MerchantApi newMerchant(String purpose) {
        String code = "limits-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = code + "-secret-123";
        accounts.open(code, code, secret, 9_850, 1_000_000);
        return new MerchantApi(code, secret);
    }

    private Response putLimits(String code, String body) {
        return given().auth().oauth2(token("admin")).contentType("application/json").body(body)
                .put("/admin/api/merchants/" + code + "/limits");
    }

    private String token(String user) {
        return KeycloakTokens.accessToken(keycloakUrl + "/realms/topup", "topup-cli", user, user);
    }

    private long balanceOf(long merchantId) {
        return sql.queryLong("select balance from merchant_balance where merchant_id = ?", merchantId);
    }

    private long ordersOf(long merchantId, List<String> merchantOrderIds) {
        return sql.queryLong("select count(*) from topup_order where merchant_id = ? and merchant_order_id = any(?)",
                merchantId, merchantOrderIds.toArray(String[]::new));
    }

    /** Waits (spinning, at most a second) until the clock is early in a second, so a short burst fits in one window. */
    private static void awaitStartOfASecond() {
        while (System.currentTimeMillis() % 1000 > 50) {
            Thread.onSpinWait();
        }
    }

    private static void awaitNextSecond() {
        long second = System.currentTimeMillis() / 1000;
        while (System.currentTimeMillis() / 1000 == second) {
            Thread.onSpinWait();
        }
    }
}
