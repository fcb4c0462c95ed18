package com.topup.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.topup.support.MerchantApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Errors raised by the HTTP layer itself come in the contract's JSON shape too. */
@QuarkusTest
class HttpErrorsTest {

    @Test
    void unknownPathIsNotFound() {
        given().get("/no/such/path").then().statusCode(404)
                .contentType("application/json").body("code", equalTo("NOT_FOUND")).body("message", notNullValue());
        given().get("/api/v1/nothing-here").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void unknownStaffPathIsNotFoundInJson() {
        given().get("/admin/api/nothing-here").then().statusCode(404)
                .contentType("application/json").body("code", equalTo("NOT_FOUND"));
        given().get("/admin/api/orders/o-1/no/such/part").then().statusCode(404)
                .contentType("application/json").body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void wrongMethodIsNotAllowed() {
        given().delete("/api/v1/orders").then().statusCode(405).body("code", equalTo("METHOD_NOT_ALLOWED"));
        given().put("/api/v1/balance").then().statusCode(405).body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void wrongMediaTypeIsUnsupported() {
        given().contentType("text/plain").body("hello").post("/api/v1/orders")
                .then().statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void bodyOverTheLimitIsTooLarge() {
        String huge = "{\"merchantOrderId\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        MerchantApi.demo().post("/api/v1/orders", huge)
                .then().statusCode(413).body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }
}
