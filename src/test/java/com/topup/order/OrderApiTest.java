package com.topup.order;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.topup.merchant.MerchantAccountService;
import com.topup.support.MerchantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every status and error code of the order endpoints (CONTRACT §1), through real HTTP. */
@QuarkusTest
class OrderApiTest {

    private static final String ORDERS = "/api/v1/orders";

    @Inject
    MerchantAccountService accounts;

    private final MerchantApi api = MerchantApi.demo();

    @Test
    void placesAnOrderAndChargesThePrice() {
        long before = balance(api);
        String id = MerchantApi.uniqueOrderId("OK");
        api.post(ORDERS, "{\"merchantOrderId\":\"" + id + "\",\"phone\":\"13800138000\",\"faceValue\":10000,"
                        + "\"notifyUrl\":\"https://merchant.example/topup/callback\"}")
                .then().statusCode(201)
                .body("orderId", matchesPattern("T\\d{17}[0-9A-Z]{10}"))
                .body("merchantOrderId", equalTo(id))
                .body("phone", equalTo("138****8000"))
                .body("carrier", equalTo("CHINA_MOBILE"))
                .body("country", equalTo("CN"))
                .body("faceValue", equalTo(10000))
                .body("price", equalTo(9850))
                .body("status", equalTo("PENDING"))
                .body("createdAt", notNullValue())
                .body("finishedAt", nullValue())
                .body("failureCode", nullValue());
        assertEquals(before - 9850, balance(api));
    }

    @Test
    void acceptsE164Numbers() {
        api.post(ORDERS, MerchantApi.orderJson(MerchantApi.uniqueOrderId("E164"), "+8613800138000", 5000))
                .then().statusCode(201).body("phone", equalTo("138****8000")).body("price", equalTo(4925));
    }

    @Test
    void identicalRepeatReturnsTheOriginalWithoutChargingAgain() {
        String body = MerchantApi.orderJson(MerchantApi.uniqueOrderId("IDEM"), "13800138000", 2000);
        String orderId = api.post(ORDERS, body).then().statusCode(201).extract().path("orderId");
        long afterFirst = balance(api);
        api.post(ORDERS, body).then().statusCode(200).body("orderId", equalTo(orderId));
        assertEquals(afterFirst, balance(api));
    }

    @Test
    void sameMerchantOrderIdWithOtherFieldsIsAConflict() {
        String id = MerchantApi.uniqueOrderId("DUP");
        api.post(ORDERS, MerchantApi.orderJson(id, "13800138000", 2000)).then().statusCode(201);
        api.post(ORDERS, MerchantApi.orderJson(id, "13800138000", 3000))
                .then().statusCode(409).body("code", equalTo("DUPLICATE_MERCHANT_ORDER_ID"));
        api.post(ORDERS, MerchantApi.orderJson(id, "13900139000", 2000))
                .then().statusCode(409).body("code", equalTo("DUPLICATE_MERCHANT_ORDER_ID"));
    }

    @Test
    void merchantOrderIdsAreScopedPerMerchant() {
        String id = MerchantApi.uniqueOrderId("SCOPE");
        api.post(ORDERS, MerchantApi.orderJson(id, "13800138000", 1000)).then().statusCode(201);
        new MerchantApi(MerchantApi.DEMO_2, MerchantApi.DEMO_2_SECRET)
                .post(ORDERS, MerchantApi.orderJson(id, "13800138000", 1000)).then().statusCode(201);
    }

    @Test
    void looksUpOrdersByIdAndByMerchantOrderId() {
        String id = MerchantApi.uniqueOrderId("GET");
        String orderId = api.post(ORDERS, MerchantApi.orderJson(id, MerchantApi.uniquePhone(), 1000)).then().statusCode(201)
                .extract().path("orderId");
        api.get(ORDERS + "/" + orderId).then().statusCode(200)
                .body("merchantOrderId", equalTo(id)).body("status", oneOf("PENDING", "PROCESSING", "SUCCEEDED"));
        api.get(ORDERS + "?merchantOrderId=" + id).then().statusCode(200).body("orderId", equalTo(orderId));
    }

    @Test
    void unknownOrAnotherMerchantsOrderIsNotFound() {
        String orderId = api.post(ORDERS, MerchantApi.orderJson(MerchantApi.uniqueOrderId("MINE"), "13800138000", 1000))
                .then().statusCode(201).extract().path("orderId");
        MerchantApi other = new MerchantApi(MerchantApi.DEMO_2, MerchantApi.DEMO_2_SECRET);
        other.get(ORDERS + "/" + orderId).then().statusCode(404).body("code", equalTo("ORDER_NOT_FOUND"));
        api.get(ORDERS + "/T00000000000000000NOPE").then().statusCode(404).body("code", equalTo("ORDER_NOT_FOUND"));
        api.get(ORDERS + "?merchantOrderId=never-placed").then().statusCode(404).body("code", equalTo("ORDER_NOT_FOUND"));
    }

    @Test
    void malformedRequestsAreInvalid() {
        String[] bodies = {
                "{",
                "[]",
                "{\"phone\":\"13800138000\",\"faceValue\":1000}",
                "{\"merchantOrderId\":\"has space\",\"phone\":\"13800138000\",\"faceValue\":1000}",
                "{\"merchantOrderId\":\"" + "x".repeat(65) + "\",\"phone\":\"13800138000\",\"faceValue\":1000}",
                "{\"merchantOrderId\":\"A\",\"phone\":13800138000,\"faceValue\":1000}",
                "{\"merchantOrderId\":\"A\",\"phone\":\"13800138000\",\"faceValue\":\"1000\"}",
                "{\"merchantOrderId\":\"A\",\"phone\":\"13800138000\",\"faceValue\":10.5}",
                "{\"merchantOrderId\":\"A\",\"phone\":\"13800138000\",\"faceValue\":-1000}",
                "{\"merchantOrderId\":\"A\",\"phone\":\"13800138000\"}",
                "{\"merchantOrderId\":\"A\",\"phone\":\"13800138000\",\"faceValue\":1000} trailing",
                "{\"merchantOrderId\":\"A\",\"merchantOrderId\":\"B\",\"phone\":\"13800138000\",\"faceValue\":1000}",
                "{\"merchantOrderId\":\"A\",\"phone\":\"" + "1".repeat(40) + "\",\"faceValue\":1000}",
        };
        for (String body : bodies) {
            api.post(ORDERS, body).then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        }
    }

    @Test
    void signedEmptyBodiesAreInvalid() {
        for (String path : List.of(ORDERS, ORDERS + "/batch")) {
            api.signed("POST", path, new byte[0]).contentType("application/json").body(new byte[0]).post(path)
                    .then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        }
    }

    @Test
    void semanticRefusalsUseTheirCodes() {
        api.post(ORDERS, MerchantApi.orderJson("P1", "12345", 1000))
                .then().statusCode(422).body("code", equalTo("INVALID_PHONE"));
        api.post(ORDERS, MerchantApi.orderJson("P2", "02012345678", 1000))
                .then().statusCode(422).body("code", equalTo("INVALID_PHONE"));
        api.post(ORDERS, MerchantApi.orderJson("P3", "+447911123456", 1000))
                .then().statusCode(422).body("code", equalTo("UNSUPPORTED_CARRIER"));
        api.post(ORDERS, MerchantApi.orderJson("P4", "13800138000", 1234))
                .then().statusCode(422).body("code", equalTo("UNSUPPORTED_FACE_VALUE"));
        api.post(ORDERS, "{\"merchantOrderId\":\"P5\",\"phone\":\"13800138000\",\"faceValue\":1000,\"notifyUrl\":\"ftp://x.example/cb\"}")
                .then().statusCode(422).body("code", equalTo("INVALID_NOTIFY_URL"));
        api.post(ORDERS, "{\"merchantOrderId\":\"P6\",\"phone\":\"13800138000\",\"faceValue\":1000,\"notifyUrl\":\"not a url\"}")
                .then().statusCode(422).body("code", equalTo("INVALID_NOTIFY_URL"));
    }

    @Test
    void insufficientBalanceChargesNothingAndStoresNothing() {
        accounts.open("small-balance", "Small", "small-balance-secret-1", 9_850, 1_000);
        MerchantApi small = new MerchantApi("small-balance", "small-balance-secret-1");
        String id = MerchantApi.uniqueOrderId("POOR");
        small.post(ORDERS, MerchantApi.orderJson(id, "13800138000", 10000))
                .then().statusCode(402).body("code", equalTo("INSUFFICIENT_BALANCE"));
        small.get(ORDERS + "?merchantOrderId=" + id).then().statusCode(404);
        assertEquals(1_000, balance(small));
    }

    @Test
    void batchPlacesEachItemOnItsOwn() {
        String good = MerchantApi.uniqueOrderId("B-OK");
        String body = "{\"orders\":["
                + MerchantApi.orderJson(good, "13800138000", 1000) + ","
                + MerchantApi.orderJson("B-BAD", "12345", 1000) + ","
                + "{\"merchantOrderId\":7}" + ","
                + MerchantApi.orderJson(good, "13800138000", 1000)
                + "]}";
        Response response = api.post(ORDERS + "/batch", body);
        response.then().statusCode(200)
                .body("results", hasSize(4))
                .body("results[0].index", equalTo(0))
                .body("results[0].status", equalTo(201))
                .body("results[0].order.merchantOrderId", equalTo(good))
                .body("results[1].status", equalTo(422))
                .body("results[1].error.code", equalTo("INVALID_PHONE"))
                .body("results[2].status", equalTo(400))
                .body("results[2].error.code", equalTo("INVALID_REQUEST"))
                .body("results[3].status", equalTo(200));
        api.get(ORDERS + "?merchantOrderId=" + good).then().statusCode(200);
    }

    @Test
    void batchLimitsItsSize() {
        api.post(ORDERS + "/batch", "{\"orders\":[]}").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        StringBuilder big = new StringBuilder("{\"orders\":[");
        for (int i = 0; i < 501; i++) {
            big.append(i == 0 ? "" : ",").append(MerchantApi.orderJson("BIG-" + i, "13800138000", 1000));
        }
        api.post(ORDERS + "/batch", big.append("]}").toString()).then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        api.post(ORDERS + "/batch", "{\"orders\":{}}").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
    }

    @Test
    void batchOfFiveHundredIsAccepted() {
        StringBuilder body = new StringBuilder("{\"orders\":[");
        String prefix = MerchantApi.uniqueOrderId("B500");
        for (int i = 0; i < 500; i++) {
            body.append(i == 0 ? "" : ",").append(MerchantApi.orderJson(prefix + "-" + i, "13800138000", 1000));
        }
        api.post(ORDERS + "/batch", body.append("]}").toString()).then().statusCode(200)
                .body("results", hasSize(500))
                .body("results.findAll { it.status == 201 }", hasSize(500));
    }

    static long balance(MerchantApi merchant) {
        return ((Number) merchant.get("/api/v1/balance").then().statusCode(200).extract().path("balance")).longValue();
    }
}
