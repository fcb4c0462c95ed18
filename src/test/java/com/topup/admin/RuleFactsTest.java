package com.topup.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.topup.devenv.KeycloakTokens;
import com.topup.support.MerchantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A real order's facts, as rule authors test rules on it, carry the order's own figures and its merchant. */
@QuarkusTest
class RuleFactsTest {

    @ConfigProperty(name = "topup.test.keycloak-url")
    String keycloakUrl;

    private RequestSpecification as(String user) {
        return given().auth().oauth2(KeycloakTokens.accessToken(keycloakUrl + "/realms/topup", "topup-cli", user, user));
    }

    @Test
    void factsOfARealOrderCarryTheOrderAndItsMerchant() {
        String body = "{\"merchantOrderId\":\"" + MerchantApi.uniqueOrderId("RF") + "\",\"phone\":\""
                + MerchantApi.uniquePhone() + "\",\"faceValue\":5000}";
        String orderId = MerchantApi.demo().post("/api/v1/orders", body).then().statusCode(201).extract().path("orderId");

        as("analyst").get("/admin/api/rulesets/routing/facts?orderId=" + orderId).then().statusCode(200)
                .body("order.orderId", equalTo(orderId))
                .body("order.merchant", equalTo(MerchantApi.demo().code()))
                .body("order.merchantTier", notNullValue())
                .body("order.carrier", notNullValue())
                .body("order.faceValue", equalTo(5000))
                .body("order.price", greaterThan(0))
                .body("order.attempt", greaterThanOrEqualTo(1))
                .body("order.ageMillis", greaterThanOrEqualTo(0))
                .body("order", not(hasKey("status")))
                .body("channels", notNullValue());
        as("approver").get("/admin/api/rulesets/fallback/facts?orderId=" + orderId).then().statusCode(200)
                .body("order.orderId", equalTo(orderId))
                .body("order.faceValue", equalTo(5000));
        as("analyst").get("/admin/api/rulesets/repair/facts?orderId=" + orderId).then().statusCode(200)
                .body("order.orderId", equalTo(orderId));
    }
}
