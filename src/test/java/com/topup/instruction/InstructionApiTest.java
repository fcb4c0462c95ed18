package com.topup.instruction;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.common.db.Sql;
import com.topup.merchant.MerchantAccountService;
import com.topup.support.MerchantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Both instruction endpoints (CONTRACT §1) over real HTTP, PostgreSQL and Kafka: understand, confirm, refuse. */
@QuarkusTest
class InstructionApiTest {

    private static final String INSTRUCTIONS = "/api/v1/instructions";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MerchantAccountService accounts;

    @Inject
    Sql sql;

    private final MerchantApi demo = MerchantApi.demo();

    @Test
    void understandsWithoutChargingThenConfirmPlacesEveryItemOnce() {
        Merchant m = newMerchant(1_000_000);
        String p1 = MerchantApi.uniquePhone();
        String p2 = MerchantApi.uniquePhone();
        String text = "给" + p1 + "和" + p2 + "各充50元";
        Response understood = m.api.post(INSTRUCTIONS, body("text", text));
        understood.then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].phone", equalTo(p1.substring(0, 3) + "****" + p1.substring(7)))
                .body("items[0].carrier", equalTo("CHINA_MOBILE"))
                .body("items[0].faceValue", equalTo(5000))
                .body("items[0].price", equalTo(4925))
                .body("items[0].span", contains(1, 12))
                .body("items[1].span", contains(13, 24))
                .body("problems", hasSize(0))
                .body("totalPrice", equalTo(9850))
                .body("balanceAfter", equalTo(1_000_000 - 9850))
                .body("confirmation", notNullValue())
                .body("expiresAt", notNullValue());
        Instant expiresAt = Instant.parse(understood.path("expiresAt"));
        assertEquals(600, expiresAt.getEpochSecond() - Instant.now().getEpochSecond(), 30);
        assertEquals(0, debits(m), "understanding charges nothing");
        assertEquals(0L, sql.queryLong("select count(*) from topup_order where merchant_id = ?", m.id));

        String token = understood.path("confirmation");
        String prefix = "I-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> orderIds = m.api.post(confirmPath(token), body("merchantOrderIdPrefix", prefix)).then()
                .statusCode(201)
                .body("orders", hasSize(2))
                .body("orders[0].merchantOrderId", equalTo(prefix + "-1"))
                .body("orders[1].merchantOrderId", equalTo(prefix + "-2"))
                .body("orders[0].faceValue", equalTo(5000))
                .body("orders[0].price", equalTo(4925))
                .body("orders[1].phone", equalTo(p2.substring(0, 3) + "****" + p2.substring(7)))
                .extract().path("orders.orderId");
        assertEquals(9850, debits(m));

        m.api.post(confirmPath(token), body("merchantOrderIdPrefix", prefix)).then().statusCode(200)
                .body("orders.orderId", equalTo(orderIds));
        assertEquals(9850, debits(m), "a repeated confirm charges nothing");
        m.api.post(confirmPath(token), body("merchantOrderIdPrefix", prefix + "x")).then().statusCode(409)
                .body("code", equalTo("ALREADY_CONFIRMED"));
        m.api.get("/api/v1/orders?merchantOrderId=" + prefix + "-2").then().statusCode(200)
                .body("orderId", equalTo(orderIds.get(1)));
    }

    @Test
    void concurrentConfirmsPlaceTheOrdersOnce() throws Exception {
        Merchant m = newMerchant(1_000_000);
        String token = m.api.post(INSTRUCTIONS, body("text", "top up " + MerchantApi.uniquePhone() + " with 100 yuan"))
                .then().statusCode(200).extract().path("confirmation");
        String confirm = body("merchantOrderIdPrefix", "C-" + UUID.randomUUID().toString().substring(0, 8));
        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> m.api.post(confirmPath(token), confirm));
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> m.api.post(confirmPath(token), confirm));
        Response first = a.get();
        Response second = b.get();
        assertEquals(List.of(200, 201), List.of(first.statusCode(), second.statusCode()).stream().sorted().toList());
        assertEquals(first.<String>path("orders[0].orderId"), second.<String>path("orders[0].orderId"));
        assertEquals(9850, debits(m));
    }

    @Test
    void problemsCarryTheirSpanCodeAndDetails() {
        String phone = MerchantApi.uniquePhone();
        String other = MerchantApi.uniquePhone();
        String text = "😀给" + phone + "充35元，" + other + "和13912345678充50，给02088886666充100";
        Response response = demo.post(INSTRUCTIONS, body("text", text));
        response.then().statusCode(200)
                .body("items", hasSize(0))
                .body("totalPrice", equalTo(0))
                .body("$", not(hasKey("confirmation")))
                .body("$", not(hasKey("expiresAt")))
                .body("problems.code", contains("UNSUPPORTED_FACE_VALUE", "AMBIGUOUS", "INVALID_PHONE"))
                .body("problems[0].span", contains(text.indexOf("35元"), text.indexOf("35元") + 3))
                .body("problems[0].details.faceValues", contains(1000, 2000, 3000, 5000, 10000, 20000, 30000, 50000))
                .body("problems[1].span", contains(text.indexOf(other), text.indexOf("充50") + 3))
                .body("problems[2].span", contains(text.lastIndexOf("02088886666"), text.lastIndexOf("02088886666") + 11));
    }

    @Test
    void understoodItemsAndProblemsTogether() {
        String phone = MerchantApi.uniquePhone();
        demo.post(INSTRUCTIONS, body("text", phone + "充一百块钱，17012345678充50，13800138000"))
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].faceValue", equalTo(10000))
                .body("problems.code", contains("UNSUPPORTED_CARRIER", "NO_AMOUNT"))
                .body("totalPrice", equalTo(9850))
                .body("confirmation", notNullValue());
    }

    @Test
    void unknownExpiredAndForeignConfirmationsAreNotFound() {
        String text = "给" + MerchantApi.uniquePhone() + "充20元";
        String prefix = body("merchantOrderIdPrefix", "NF-" + UUID.randomUUID().toString().substring(0, 8));
        demo.post(confirmPath("no-such-token"), prefix).then().statusCode(404).body("code", equalTo("CONFIRMATION_NOT_FOUND"));
        demo.post(confirmPath("x".repeat(300)), prefix).then().statusCode(404).body("code", equalTo("CONFIRMATION_NOT_FOUND"));

        String token = demo.post(INSTRUCTIONS, body("text", text)).then().statusCode(200).extract().path("confirmation");
        new MerchantApi(MerchantApi.DEMO_2, MerchantApi.DEMO_2_SECRET).post(confirmPath(token), prefix)
                .then().statusCode(404).body("code", equalTo("CONFIRMATION_NOT_FOUND"));

        String expiring = demo.post(INSTRUCTIONS, body("text", text)).then().statusCode(200).extract().path("confirmation");
        sql.update("update instruction_confirmation set expires_at = now() - interval '1 second' where token_hash = ?",
                ConfirmationTokens.hash(expiring));
        demo.post(confirmPath(expiring), prefix).then().statusCode(404).body("code", equalTo("CONFIRMATION_NOT_FOUND"));

        demo.post(confirmPath(token), prefix).then().statusCode(201).body("orders", hasSize(1));
    }

    @Test
    void balanceThatNoLongerCoversTheTotalRefusesTheWholeInstruction() {
        Merchant m = newMerchant(15_000);
        String text = "top up 100 yuan each to " + MerchantApi.uniquePhone() + " and " + MerchantApi.uniquePhone();
        Response understood = m.api.post(INSTRUCTIONS, body("text", text));
        understood.then().statusCode(200).body("totalPrice", equalTo(19700)).body("balanceAfter", equalTo(15_000 - 19700));
        String prefix = "POOR-" + UUID.randomUUID().toString().substring(0, 8);
        m.api.post(confirmPath(understood.path("confirmation")), body("merchantOrderIdPrefix", prefix))
                .then().statusCode(402).body("code", equalTo("INSUFFICIENT_BALANCE"))
                .body("details.required", equalTo(19700));
        m.api.get("/api/v1/orders?merchantOrderId=" + prefix + "-1").then().statusCode(404);
        assertEquals(0, debits(m));
    }

    @Test
    void aFailingItemRollsBackTheItemsBeforeIt() {
        Merchant m = newMerchant(1_000_000);
        String prefix = "ATOM-" + UUID.randomUUID().toString().substring(0, 8);
        m.api.post("/api/v1/orders", MerchantApi.orderJson(prefix + "-2", MerchantApi.uniquePhone(), 1000))
                .then().statusCode(201);
        long debitsBefore = debits(m);
        String token = m.api.post(INSTRUCTIONS, body("text",
                        MerchantApi.uniquePhone() + "充30，" + MerchantApi.uniquePhone() + "充50"))
                .then().statusCode(200).body("items", hasSize(2)).extract().path("confirmation");
        m.api.post(confirmPath(token), body("merchantOrderIdPrefix", prefix)).then().statusCode(409)
                .body("code", equalTo("DUPLICATE_MERCHANT_ORDER_ID"));
        m.api.get("/api/v1/orders?merchantOrderId=" + prefix + "-1").then().statusCode(404);
        assertEquals(debitsBefore, debits(m), "the first item's debit was rolled back with it");

        m.api.post(confirmPath(token), body("merchantOrderIdPrefix", prefix + "b")).then().statusCode(201)
                .body("orders.merchantOrderId", contains(prefix + "b-1", prefix + "b-2"));
        assertEquals(debitsBefore + 2955 + 4925, debits(m));
    }

    @Test
    void badInputGetsTheContractsCodes() {
        String[] invalid = {
                "{",
                "[]",
                "{}",
                "{\"text\":\"\"}",
                "{\"text\":\"   \\n \"}",
                "{\"text\":42}",
                "{\"text\":\"给13800138000\\u0000充100\"}",
                "{\"text\":\"\\ud800 broken\"}",
                body("text", "噪".repeat(10_240)),
                body("text", "x".repeat(4_001)),
        };
        for (String bad : invalid) {
            demo.post(INSTRUCTIONS, bad).then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        }
        demo.post(INSTRUCTIONS, "{\"text\":\"给13800138000充100\",\"notifyUrl\":\"ftp://merchant.example/cb\"}")
                .then().statusCode(422).body("code", equalTo("INVALID_NOTIFY_URL"));
        demo.post(confirmPath("whatever"), "{}").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        demo.post(confirmPath("whatever"), body("merchantOrderIdPrefix", "has space"))
                .then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        io.restassured.RestAssured.given().contentType("application/json").body(body("text", "给13800138000充100"))
                .post(INSTRUCTIONS).then().statusCode(401).body("code", equalTo("MISSING_AUTH_HEADER"));
    }

    @Test
    void aThousandNumbersOrTooManyTopUpsChargeNothing() {
        StringBuilder numbers = new StringBuilder();
        for (int i = 1; i <= 1_000; i++) {
            numbers.append(i % 10).append(' ');
        }
        demo.post(INSTRUCTIONS, body("text", numbers.toString().strip())).then().statusCode(200)
                .body("items", hasSize(0)).body("problems.code", hasItem("NO_PHONE"))
                .body("$", not(hasKey("confirmation")));
        StringBuilder phones = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            phones.append("1380013").append(String.format("%04d", i)).append('、');
        }
        demo.post(INSTRUCTIONS, body("text", phones + "各充50")).then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST")).body("details.maxItems", equalTo(100));
    }

    @Test
    void notifyUrlIsCarriedToTheOrders() {
        Merchant m = newMerchant(1_000_000);
        String phone = MerchantApi.uniquePhone();
        Map<String, String> request = new HashMap<>();
        request.put("text", phone + " 20元");
        request.put("notifyUrl", "https://merchant.example/cb");
        String token = m.api.post(INSTRUCTIONS, json(request)).then().statusCode(200).extract().path("confirmation");
        String prefix = "N-" + UUID.randomUUID().toString().substring(0, 8);
        String orderId = m.api.post(confirmPath(token), body("merchantOrderIdPrefix", prefix)).then().statusCode(201)
                .extract().path("orders[0].orderId");
        assertEquals("https://merchant.example/cb",
                sql.queryText("select notify_url from topup_order where id = ?", orderId));
        assertNotEquals(null, orderId);
    }

    private record Merchant(MerchantApi api, long id) {
    }

    private Merchant newMerchant(long balance) {
        String code = "instr-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = code + "-secret";
        long id = accounts.open(code, "Instruction tests", secret, 9_850, balance).id;
        return new Merchant(new MerchantApi(code, secret), id);
    }

    private long debits(Merchant m) {
        return sql.queryLong("select coalesce(sum(amount), 0) from ledger_entry where merchant_id = ? and kind = 'DEBIT'", m.id);
    }

    private static String confirmPath(String token) {
        return INSTRUCTIONS + "/" + token + "/confirm";
    }

    private static String body(String field, String value) {
        return json(Map.of(field, value));
    }

    private static String json(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
