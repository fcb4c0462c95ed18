package com.topup.channel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.topup.channel.adapter.JsonHmacSignature;
import com.topup.common.db.Sql;
import com.topup.merchant.MerchantAccountService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Callbacks that cannot be applied are answered with a clear error and recorded. */
@QuarkusTest
class ChannelCallbackApiTest {

    private static final String SIM_FAST_SECRET = "sim-fast-secret-0c1d";

    @Inject
    Sql sql;
    @Inject
    MerchantAccountService accounts;
    @Inject
    ChannelDirectory directory;

    private static io.restassured.response.Response post(String channel, String body, String secret) {
        String timestamp = Long.toString(System.currentTimeMillis());
        return given().contentType("application/json")
                .header("X-Channel-Timestamp", timestamp)
                .header("X-Channel-Signature", JsonHmacSignature.sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8)))
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/callbacks/channels/" + channel);
    }

    private long recorded(String reference, String outcome) {
        return sql.queryLong("select count(*) from channel_callback where reference is not distinct from ? and outcome = ?",
                reference, outcome);
    }

    @Test
    void aBadSignatureIsRefusedAndRecorded() {
        long before = recorded(null, "BAD_SIGNATURE");
        post("sim-fast", "{\"reference\":\"T1-1\",\"channelReference\":\"X\",\"status\":\"SUCCEEDED\",\"amount\":1000}", "wrong-secret")
                .then().statusCode(401).body("code", equalTo("BAD_SIGNATURE"));
        assertEquals(before + 1, recorded(null, "BAD_SIGNATURE"));
    }

    @Test
    void anUnknownOrderIsRefusedAndRecorded() {
        String reference = "T-NO-SUCH-ORDER-1";
        post("sim-fast", "{\"reference\":\"" + reference + "\",\"channelReference\":\"X\",\"status\":\"SUCCEEDED\",\"amount\":1000}",
                SIM_FAST_SECRET).then().statusCode(404).body("code", equalTo("ORDER_NOT_FOUND"));
        assertEquals(1, recorded(reference, "UNKNOWN_ATTEMPT"));
    }

    @Test
    void aChannelCannotReportAnotherChannelsAttempt() {
        String orderId = "TCB" + System.nanoTime();
        String attemptId = orderId + "-1";
        accounts.open("callback-tests", "Channel callback tests", "callback-tests-secret", 9_850, 0);
        long merchant = accounts.idOf("callback-tests");
        sql.update("""
                insert into topup_order (id, merchant_id, merchant_order_id, phone_cipher, phone_hash, phone_masked,
                                         country, carrier, face_value, price, status, attempt_count, channel_code,
                                         created_at, updated_at)
                values (?, ?, ?, ?, ?, '138****8000', 'CN', 'CHINA_MOBILE', 1000, 985, 'PROCESSING', 1, 'sim-cheap',
                        now(), now())""", orderId, merchant, orderId, new byte[] {0}, orderId);
        sql.update("""
                insert into channel_attempt (id, order_id, attempt_no, channel_code, carrier, face_value, status, cost, started_at)
                values (?, ?, 1, 'sim-cheap', 'CHINA_MOBILE', 1000, 'PROCESSING', 970, now())""", attemptId, orderId);

        try {
            post("sim-fast", "{\"reference\":\"" + attemptId + "\",\"channelReference\":\"X\",\"status\":\"SUCCEEDED\",\"amount\":1000}",
                    SIM_FAST_SECRET).then().statusCode(404).body("code", equalTo("ORDER_NOT_FOUND"));
            assertEquals(1, recorded(attemptId, "UNKNOWN_ATTEMPT"));
            assertEquals("PROCESSING", sql.queryText("select status from channel_attempt where id = ?", attemptId));
            assertEquals("PROCESSING", sql.queryText("select status from topup_order where id = ?", orderId));
        } finally {
            // no scanner may pick up an order that was never charged
            sql.update("delete from channel_attempt where id = ?", attemptId);
            sql.update("delete from topup_order where id = ?", orderId);
        }
    }

    @Test
    void anUnknownChannelIsNotFound() {
        post("no-such-channel", "{}", SIM_FAST_SECRET).then().statusCode(404).body("code", equalTo("CHANNEL_NOT_FOUND"));
    }

    @Test
    void aCallbackIsVerifiedWhenTheChannelsMustBeReadAgain() {
        directory.invalidate();
        long before = recorded(null, "UNKNOWN_CHANNEL");
        post("no-such-channel", "{}", SIM_FAST_SECRET).then().statusCode(404).body("code", equalTo("CHANNEL_NOT_FOUND"));
        assertEquals(before + 1, recorded(null, "UNKNOWN_CHANNEL"));

        directory.invalidate();
        String reference = "T-NO-SUCH-ORDER-2";
        post("sim-fast", "{\"reference\":\"" + reference + "\",\"channelReference\":\"X\",\"status\":\"SUCCEEDED\",\"amount\":1000}",
                SIM_FAST_SECRET).then().statusCode(404).body("code", equalTo("ORDER_NOT_FOUND"));
        assertEquals(1, recorded(reference, "UNKNOWN_ATTEMPT"));
    }

    @Test
    void anUnreadableCallbackIsRefused() {
        post("sim-fast", "{\"status\":\"SUCCEEDED\"}", SIM_FAST_SECRET).then().statusCode(400).body("code", equalTo("INVALID_CALLBACK"));
    }
}
