package com.topup.channel.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonHmacAdapterTest {

    private static final String SECRET = "s3cret";
    private static final long NOW = 1_760_000_000_000L;

    @Test
    void signatureIsHmacOfTimestampNewlineBody() {
        // HMAC-SHA256("s3cret", "1760000000000\n{}") computed independently
        String expected = com.topup.common.crypto.Hmac.sha256Hex(SECRET.getBytes(StandardCharsets.UTF_8), "1760000000000\n{}");
        assertEquals(expected, JsonHmacSignature.sign(SECRET, "1760000000000", bytes("{}")));
        assertEquals(64, expected.length());
        assertEquals(expected.toLowerCase(), expected);
    }

    @Test
    void checkRefusesBadSignatureMissingHeadersAndStaleTimestamps() {
        byte[] body = bytes("{\"a\":1}");
        String ts = Long.toString(NOW);
        String sig = JsonHmacSignature.sign(SECRET, ts, body);
        assertEquals(SignatureCheck.VALID, JsonHmacSignature.check(SECRET, ts, sig, body, NOW));
        assertEquals(SignatureCheck.VALID, JsonHmacSignature.check(SECRET, ts, sig.toUpperCase(), body, NOW + 299_000));
        assertEquals(SignatureCheck.BAD_SIGNATURE, JsonHmacSignature.check("other", ts, sig, body, NOW));
        assertEquals(SignatureCheck.BAD_SIGNATURE, JsonHmacSignature.check(SECRET, ts, sig, bytes("{\"a\":2}"), NOW));
        assertEquals(SignatureCheck.MISSING, JsonHmacSignature.check(SECRET, null, sig, body, NOW));
        assertEquals(SignatureCheck.MISSING, JsonHmacSignature.check(SECRET, ts, "", body, NOW));
        assertEquals(SignatureCheck.STALE_TIMESTAMP, JsonHmacSignature.check(SECRET, ts, sig, body, NOW + 301_000));
        assertEquals(SignatureCheck.STALE_TIMESTAMP, JsonHmacSignature.check(SECRET, ts, sig, body, NOW - 301_000));
        String word = "yesterday";
        assertEquals(SignatureCheck.STALE_TIMESTAMP,
                JsonHmacSignature.check(SECRET, word, JsonHmacSignature.sign(SECRET, word, body), body, NOW));
    }

    @Test
    void submitBodyCarriesTheFiveFields() {
        JsonNode body = ProtocolJson.object(JsonHmacMessages.submitBody(new SubmitRequest("A1-1", "13800138000",
                "CHINA_MOBILE", 10_000, URI.create("http://127.0.0.1:8080/callbacks/channels/c1"))));
        assertEquals("A1-1", body.get("reference").asText());
        assertEquals("13800138000", body.get("phone").asText());
        assertEquals("CHINA_MOBILE", body.get("carrier").asText());
        assertEquals(10_000, body.get("faceValue").asLong());
        assertEquals("http://127.0.0.1:8080/callbacks/channels/c1", body.get("callbackUrl").asText());
        assertEquals(5, body.size());
    }

    @Test
    void acceptedAndRefusedSubmitAnswersAreRead() {
        SubmitResult accepted = JsonHmacMessages.readSubmitAnswer(signed(200, "{\"accepted\":true,\"channelReference\":\"CH-9\"}"), SECRET, NOW);
        assertEquals(SubmitOutcome.ACCEPTED, accepted.outcome());
        assertEquals("CH-9", accepted.channelReference());

        SubmitResult outOfStock = JsonHmacMessages.readSubmitAnswer(
                signed(200, "{\"accepted\":false,\"errorCode\":\"NO_STOCK\",\"errorClass\":\"OUT_OF_STOCK\"}"), SECRET, NOW);
        assertEquals(SubmitOutcome.REJECTED, outOfStock.outcome());
        assertEquals("OUT_OF_STOCK", outOfStock.errorClass());
        assertEquals("NO_STOCK", outOfStock.errorCode());

        SubmitResult rejected = JsonHmacMessages.readSubmitAnswer(
                signed(200, "{\"accepted\":false,\"errorCode\":\"BAD_NUMBER\",\"errorClass\":\"REJECTED\"}"), SECRET, NOW);
        assertEquals("REJECTED", rejected.errorClass());
        SubmitResult unclassified = JsonHmacMessages.readSubmitAnswer(signed(200, "{\"accepted\":false}"), SECRET, NOW);
        assertEquals(SubmitOutcome.REJECTED, unclassified.outcome());
        assertEquals("REJECTED", unclassified.errorClass());
    }

    @Test
    void unsignedGarbledOrIncompleteSubmitAnswersAreUnknown() {
        assertUnknown(answered(200, "{\"accepted\":true,\"channelReference\":\"CH-9\"}", Map.of()), "INVALID_RESPONSE");
        HttpExchange forged = answered(200, "{\"accepted\":true,\"channelReference\":\"CH-9\"}", Map.of(
                "x-channel-timestamp", Long.toString(NOW), "x-channel-signature", JsonHmacSignature.sign("wrong", Long.toString(NOW), bytes("{}"))));
        assertUnknown(forged, "INVALID_RESPONSE");
        assertUnknown(signed(200, "not json"), "INVALID_RESPONSE");
        assertUnknown(signed(200, "{\"accepted\":true}"), "INVALID_RESPONSE");
        assertUnknown(signed(200, "{\"accepted\":\"yes\",\"channelReference\":\"x\"}"), "INVALID_RESPONSE");
        assertUnknown(signed(200, "[1]"), "INVALID_RESPONSE");
        assertUnknown(signed(500, "{}"), "NETWORK");
        assertEquals(SubmitOutcome.REJECTED, JsonHmacMessages.readSubmitAnswer(signed(503, "{}"), SECRET, NOW).outcome(),
                "503 means the request was not processed");
        assertUnknown(signed(404, "{}"), "INVALID_RESPONSE");
        assertUnknown(HttpExchange.failed("TIMEOUT", "slow", 3000), "TIMEOUT");
        HttpExchange stale = answered(200, "{\"accepted\":true,\"channelReference\":\"CH-9\"}",
                headers(NOW - 400_000, "{\"accepted\":true,\"channelReference\":\"CH-9\"}"));
        assertUnknown(stale, "INVALID_RESPONSE");
    }

    @Test
    void queryAnswersMapEachStatus() {
        StatusResult succeeded = JsonHmacMessages.readQueryAnswer(signed(200,
                "{\"reference\":\"R1\",\"status\":\"SUCCEEDED\",\"channelReference\":\"C1\",\"amount\":5000}"), SECRET, NOW, "R1");
        assertEquals(ChannelStatus.SUCCEEDED, succeeded.status());
        assertEquals("C1", succeeded.channelReference());
        assertEquals(5000L, succeeded.amount());
        StatusResult failed = JsonHmacMessages.readQueryAnswer(signed(200,
                "{\"status\":\"FAILED\",\"channelReference\":\"C1\",\"errorCode\":\"NUMBER_INACTIVE\"}"), SECRET, NOW, "R1");
        assertEquals(ChannelStatus.FAILED, failed.status());
        assertEquals("REJECTED", failed.errorClass());
        assertEquals("NUMBER_INACTIVE", failed.errorCode());
        assertEquals(ChannelStatus.PROCESSING, JsonHmacMessages.readQueryAnswer(signed(200, "{\"status\":\"PROCESSING\"}"), SECRET, NOW, "R1").status());
        assertEquals(ChannelStatus.NOT_FOUND, JsonHmacMessages.readQueryAnswer(signed(200, "{\"status\":\"NOT_FOUND\"}"), SECRET, NOW, "R1").status());
        StatusResult strange = JsonHmacMessages.readQueryAnswer(signed(200, "{\"status\":\"MAYBE\"}"), SECRET, NOW, "R1");
        assertEquals(ChannelStatus.UNKNOWN, strange.status());
        assertEquals("INVALID_RESPONSE", strange.errorClass());
        StatusResult other = JsonHmacMessages.readQueryAnswer(signed(200, "{\"reference\":\"R2\",\"status\":\"SUCCEEDED\"}"), SECRET, NOW, "R1");
        assertEquals(ChannelStatus.UNKNOWN, other.status());
        assertEquals("INVALID_RESPONSE", JsonHmacMessages.readQueryAnswer(answered(200, "{\"status\":\"SUCCEEDED\"}", Map.of()), SECRET, NOW, "R1").errorClass());
        assertEquals("TIMEOUT", JsonHmacMessages.readQueryAnswer(HttpExchange.failed("TIMEOUT", "slow", 1), SECRET, NOW, "R1").errorClass());
    }

    @Test
    void signedCallbacksAreReadAndBadOnesRefused() throws InvalidChannelCallback {
        String success = "{\"reference\":\"R1\",\"channelReference\":\"C1\",\"status\":\"SUCCEEDED\",\"amount\":10000}";
        ChannelCallback callback = JsonHmacMessages.readCallback(SECRET, headers(NOW, success), bytes(success), NOW);
        assertEquals(new ChannelCallback("R1", "C1", ChannelStatus.SUCCEEDED, 10_000L, null, null), callback);

        String failure = "{\"reference\":\"R1\",\"channelReference\":\"C1\",\"status\":\"FAILED\",\"errorCode\":\"E7\",\"errorClass\":\"OUT_OF_STOCK\"}";
        ChannelCallback failed = JsonHmacMessages.readCallback(SECRET, headers(NOW, failure), bytes(failure), NOW);
        assertEquals(ChannelStatus.FAILED, failed.status());
        assertEquals("OUT_OF_STOCK", failed.errorClass());
        assertEquals("E7", failed.errorCode());
        assertNull(failed.amount());

        assertCode("BAD_SIGNATURE", () -> JsonHmacMessages.readCallback("other", headers(NOW, success), bytes(success), NOW));
        assertCode("BAD_SIGNATURE", () -> JsonHmacMessages.readCallback(SECRET, Map.of(), bytes(success), NOW));
        assertCode("BAD_SIGNATURE", () -> JsonHmacMessages.readCallback(SECRET, headers(NOW - 301_000, success), bytes(success), NOW));
        String tampered = success.replace("10000", "90000");
        assertCode("BAD_SIGNATURE", () -> JsonHmacMessages.readCallback(SECRET, headers(NOW, success), bytes(tampered), NOW));
        for (String invalid : new String[] {
                "{\"channelReference\":\"C1\",\"status\":\"SUCCEEDED\"}",
                "{\"reference\":\"R1\",\"status\":\"SUCCEEDED\"}",
                "{\"reference\":\"R1\",\"channelReference\":\"C1\",\"status\":\"DONE\"}",
                "{\"reference\":\"R1\",\"channelReference\":\"C1\",\"status\":\"SUCCEEDED\",\"amount\":10.5}",
                "{\"reference\":\"R1\",\"reference\":\"R2\",\"channelReference\":\"C1\",\"status\":\"SUCCEEDED\"}",
                "nonsense"}) {
            assertCode("INVALID_CALLBACK", () -> JsonHmacMessages.readCallback(SECRET, headers(NOW, invalid), bytes(invalid), NOW));
        }
    }

    private static void assertCode(String code, org.junit.jupiter.api.function.Executable call) {
        InvalidChannelCallback e = assertThrows(InvalidChannelCallback.class, call);
        assertEquals(code, e.code(), e.getMessage());
    }

    private static void assertUnknown(HttpExchange exchange, String errorClass) {
        SubmitResult result = JsonHmacMessages.readSubmitAnswer(exchange, SECRET, NOW);
        assertEquals(SubmitOutcome.UNKNOWN, result.outcome());
        assertEquals(errorClass, result.errorClass());
        assertTrue(result.message() != null);
    }

    private static HttpExchange signed(int status, String body) {
        return answered(status, body, headers(NOW, body));
    }

    private static HttpExchange answered(int status, String body, Map<String, String> headers) {
        return HttpExchange.answered(status, headers, bytes(body), 12);
    }

    private static Map<String, String> headers(long timestamp, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("x-channel-timestamp", Long.toString(timestamp));
        headers.put("x-channel-signature", JsonHmacSignature.sign(SECRET, Long.toString(timestamp), bytes(body)));
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
