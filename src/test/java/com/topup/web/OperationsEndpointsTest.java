package com.topup.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.topup.support.MerchantApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        MerchantApi.demo().post("/api/v1/orders", MerchantApi.orderJson(MerchantApi.uniqueOrderId("MET"), MerchantApi.uniquePhone(), 1000))
                .then().statusCode(201);
        MerchantApi.demo().post("/api/v1/orders", MerchantApi.orderJson("MET-BAD", "12345", 1000)).then().statusCode(422);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("topup_outbox_pending"))
                .body(containsString("topup_orders_accepted_total{carrier=\"CHINA_MOBILE\"}"))
                .body(containsString("topup_api_refusals_total{code=\"INVALID_PHONE\"}"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/orders"));
    }
}
