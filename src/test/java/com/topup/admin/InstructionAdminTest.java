package com.topup.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.topup.devenv.KeycloakTokens;
import com.topup.merchant.MerchantAccountService;
import com.topup.merchant.MerchantStatus;
import com.topup.support.MerchantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The console's instruction box: an operator understands and confirms a merchant's instruction on its behalf. */
@QuarkusTest
class InstructionAdminTest {

    @ConfigProperty(name = "topup.test.keycloak-url")
    String keycloakUrl;

    @Inject
    MerchantAccountService accounts;

    private String token(String user) {
        return KeycloakTokens.accessToken(keycloakUrl + "/realms/topup", "topup-cli", user, user);
    }

    private String newMerchant() {
        String code = "desk-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.open(code, "Service desk tests", code + "-secret", 9_850, 1_000_000);
        return code;
    }

    private Response post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).post(path);
    }

    @Test
    void anOperatorPlacesAMerchantsInstructionAndTheTrailSaysWhoPlacedWhat() {
        String operator = token("operator");
        String code = newMerchant();
        String p1 = MerchantApi.uniquePhone();
        String p2 = MerchantApi.uniquePhone();
        String base = "/admin/api/merchants/" + code + "/instructions";
        Response understood = post(operator, base, "{\"text\":\"" + p1 + "充100元，" + p2 + "充50元\"}");
        understood.then().statusCode(200)
                .body("readBy", equalTo("rules"))
                .body("items", hasSize(2))
                .body("items[0].phone", equalTo(p1.substring(0, 3) + "****" + p1.substring(7)))
                .body("items[0].faceValue", equalTo(10000))
                .body("items[0].span", contains(0, 11))
                .body("items[1].faceValue", equalTo(5000))
                .body("totalPrice", equalTo(9850 + 4925))
                .body("balanceAfter", equalTo(1_000_000 - 9850 - 4925))
                .body("confirmation", notNullValue());

        String prefix = "DESK-" + UUID.randomUUID().toString().substring(0, 8);
        String confirm = base + "/" + understood.path("confirmation") + "/confirm";
        List<String> orderIds = post(operator, confirm, "{\"merchantOrderIdPrefix\":\"" + prefix + "\"}").then()
                .statusCode(201)
                .body("orders", hasSize(2))
                .body("orders.merchantOrderId", contains(prefix + "-1", prefix + "-2"))
                .extract().path("orders.orderId");
        post(operator, confirm, "{\"merchantOrderIdPrefix\":\"" + prefix + "\"}").then().statusCode(200)
                .body("orders.orderId", equalTo(orderIds));

        new MerchantApi(code, code + "-secret").get("/api/v1/orders?merchantOrderId=" + prefix + "-2").then()
                .statusCode(200).body("orderId", equalTo(orderIds.get(1))).body("faceValue", equalTo(5000));

        given().auth().oauth2(token("auditor"))
                .get("/admin/api/audit?action=INSTRUCTION_CONFIRMED&target=merchant:" + code).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].actor", equalTo("operator"))
                .body("items[0].roles", hasItem("operator"))
                .body("items[0].after.merchantOrderIdPrefix", equalTo(prefix))
                .body("items[0].after.orders.orderId", equalTo(orderIds))
                .body("items[0].after.orders[0].phone", equalTo(p1.substring(0, 3) + "****" + p1.substring(7)))
                .body("items[0].after.orders.faceValue", contains(10000, 5000))
                .body("items[0].after.totalPrice", equalTo(9850 + 4925));
    }

    @Test
    void aConfirmationBelongsToItsMerchant() {
        String operator = token("operator");
        String a = newMerchant();
        String b = newMerchant();
        String confirmation = post(operator, "/admin/api/merchants/" + a + "/instructions",
                "{\"text\":\"给" + MerchantApi.uniquePhone() + "充30元\"}").then().statusCode(200)
                .extract().path("confirmation");
        post(operator, "/admin/api/merchants/" + b + "/instructions/" + confirmation + "/confirm",
                "{\"merchantOrderIdPrefix\":\"X1\"}").then().statusCode(404)
                .body("code", equalTo("CONFIRMATION_NOT_FOUND"));
    }

    @Test
    void refusalsHaveTheContractsShape() {
        String operator = token("operator");
        post(operator, "/admin/api/merchants/no-such-merchant/instructions", "{\"text\":\"给13800138000充100元\"}")
                .then().statusCode(404).body("code", equalTo("MERCHANT_NOT_FOUND"));
        String code = newMerchant();
        String base = "/admin/api/merchants/" + code + "/instructions";
        post(operator, base, "{\"text\":\"  \"}").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"))
                .body("details.field", equalTo("text"));
        post(operator, base, "{\"text\":").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        given().auth().oauth2(operator).post(base).then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        post(operator, base + "/whatever/confirm", "{\"merchantOrderIdPrefix\":\"bad prefix\"}").then()
                .statusCode(400).body("details.field", equalTo("merchantOrderIdPrefix"));

        String disabled = newMerchant();
        accounts.setStatus(disabled, MerchantStatus.DISABLED);
        post(operator, "/admin/api/merchants/" + disabled + "/instructions", "{\"text\":\"给13800138000充100元\"}")
                .then().statusCode(403).body("code", equalTo("MERCHANT_DISABLED"));
    }
}
