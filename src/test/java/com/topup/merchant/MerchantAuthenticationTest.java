package com.topup.merchant;

import static org.hamcrest.Matchers.equalTo;

import com.topup.support.MerchantApi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every authentication failure of CONTRACT §1, through real HTTP. */
@QuarkusTest
class MerchantAuthenticationTest {

    private static final String BALANCE = "/api/v1/balance";

    @Inject
    MerchantAccountService accounts;

    @Test
    void validSignatureIsAccepted() {
        MerchantApi.demo().get(BALANCE).then().statusCode(200)
                .body("merchantId", equalTo("demo-merchant"))
                .body("currency", equalTo("CNY"));
    }

    @Test
    void missingHeaderIsRefused() {
        io.restassured.RestAssured.given()
                .header("X-Merchant-Id", MerchantApi.DEMO)
                .header("X-Timestamp", Long.toString(System.currentTimeMillis()))
                .header("X-Nonce", MerchantApi.newNonce())
                .get(BALANCE)
                .then().statusCode(401).body("code", equalTo("MISSING_AUTH_HEADER"));
        io.restassured.RestAssured.get(BALANCE).then().statusCode(401).body("code", equalTo("MISSING_AUTH_HEADER"));
    }

    @Test
    void unknownMerchantIsRefused() {
        new MerchantApi("no-such-merchant", "whatever-secret-123").get(BALANCE)
                .then().statusCode(401).body("code", equalTo("UNKNOWN_MERCHANT"));
    }

    @Test
    void wrongSecretIsABadSignature() {
        new MerchantApi(MerchantApi.DEMO, "not-the-secret").get(BALANCE)
                .then().statusCode(401).body("code", equalTo("BAD_SIGNATURE"));
    }

    @Test
    void signatureOverADifferentBodyIsRefused() {
        String path = "/api/v1/orders";
        byte[] signedBody = MerchantApi.orderJson("SIG-1", "13800138000", 1000).getBytes(StandardCharsets.UTF_8);
        MerchantApi.demo().signed("POST", path, signedBody)
                .body(MerchantApi.orderJson("SIG-1", "13800138000", 50000).getBytes(StandardCharsets.UTF_8))
                .post(path)
                .then().statusCode(401).body("code", equalTo("BAD_SIGNATURE"));
    }

    @Test
    void signatureOverADifferentQueryIsRefused() {
        MerchantApi.demo().signed("GET", "/api/v1/orders?merchantOrderId=A", new byte[0])
                .get("/api/v1/orders?merchantOrderId=B")
                .then().statusCode(401).body("code", equalTo("BAD_SIGNATURE"));
    }

    @Test
    void staleTimestampIsRefused() {
        String old = Long.toString(System.currentTimeMillis() - 301_000);
        MerchantApi.demo().signed("GET", BALANCE, new byte[0], old, MerchantApi.newNonce()).get(BALANCE)
                .then().statusCode(401).body("code", equalTo("STALE_TIMESTAMP"));
        String future = Long.toString(System.currentTimeMillis() + 301_000);
        MerchantApi.demo().signed("GET", BALANCE, new byte[0], future, MerchantApi.newNonce()).get(BALANCE)
                .then().statusCode(401).body("code", equalTo("STALE_TIMESTAMP"));
        MerchantApi.demo().signed("GET", BALANCE, new byte[0], "yesterday", MerchantApi.newNonce()).get(BALANCE)
                .then().statusCode(401).body("code", equalTo("STALE_TIMESTAMP"));
    }

    @Test
    void replayedNonceIsRefused() {
        String timestamp = Long.toString(System.currentTimeMillis());
        String nonce = MerchantApi.newNonce();
        MerchantApi.demo().signed("GET", BALANCE, new byte[0], timestamp, nonce).get(BALANCE).then().statusCode(200);
        MerchantApi.demo().signed("GET", BALANCE, new byte[0], timestamp, nonce).get(BALANCE)
                .then().statusCode(401).body("code", equalTo("REPLAYED_NONCE"));
    }

    @Test
    void sameNonceForAnotherMerchantIsNotAReplay() {
        String nonce = MerchantApi.newNonce();
        String timestamp = Long.toString(System.currentTimeMillis());
        MerchantApi.demo().signed("GET", BALANCE, new byte[0], timestamp, nonce).get(BALANCE).then().statusCode(200);
        new MerchantApi(MerchantApi.DEMO_2, MerchantApi.DEMO_2_SECRET).signed("GET", BALANCE, new byte[0], timestamp, nonce)
                .get(BALANCE).then().statusCode(200);
    }

    @Test
    void malformedNonceIsRefused() {
        MerchantApi.demo().signed("GET", BALANCE, new byte[0], Long.toString(System.currentTimeMillis()), "short")
                .get(BALANCE).then().statusCode(401).body("code", equalTo("MISSING_AUTH_HEADER"));
    }

    @Test
    void disabledMerchantIsForbidden() {
        accounts.open("disabled-merchant", "Disabled", "disabled-merchant-secret", 9_850, 1_000);
        accounts.setStatus("disabled-merchant", MerchantStatus.DISABLED);
        new MerchantApi("disabled-merchant", "disabled-merchant-secret").get(BALANCE)
                .then().statusCode(403).body("code", equalTo("MERCHANT_DISABLED"));
    }
}
