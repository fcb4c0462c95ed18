package com.topup.channel.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The json-hmac reversal and statement messages, read without a network. */
class JsonHmacSettlementMessagesTest {

    private static final String SECRET = "s3cret";
    private static final long NOW = 1_760_000_000_000L;
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    @Test
    void requestsCarryTheChargeAndTheDay() {
        JsonNode reversal = ProtocolJson.object(JsonHmacMessages.reversalBody("A1-1", "CH-9", 5_000));
        assertEquals("A1-1", reversal.get("reference").asText());
        assertEquals("CH-9", reversal.get("channelReference").asText());
        assertEquals(5_000, reversal.get("amount").asLong());
        assertTrue(reversal.get("amount").isIntegralNumber());
        assertEquals(3, reversal.size());
        assertEquals("{\"date\":\"2026-03-10\"}", new String(JsonHmacMessages.statementBody(DAY), StandardCharsets.UTF_8));
    }

    @Test
    void reversedAndRefusedAnswersAreRead() {
        ReversalResult reversed = reversal(signed(200, "{\"reference\":\"R1\",\"channelReference\":\"C1\",\"reversed\":true}"));
        assertEquals(new ReversalResult(ReversalResult.Outcome.REVERSED, null, null), reversed);
        ReversalResult refused = reversal(signed(200,
                "{\"reference\":\"R1\",\"channelReference\":\"C1\",\"reversed\":false,\"errorCode\":\"REVERSAL_REFUSED\",\"message\":\"used\"}"));
        assertEquals(new ReversalResult(ReversalResult.Outcome.REFUSED, "REVERSAL_REFUSED", "used"), refused);
        assertEquals("REFUSED", reversal(signed(200, "{\"reversed\":false}")).errorCode(), "a refusal without a code");
    }

    @Test
    void reversalAnswersThatSayNothingUsableAreUnknown() {
        String body = "{\"reference\":\"R1\",\"channelReference\":\"C1\",\"reversed\":true}";
        assertUnknown(HttpExchange.answered(200, Map.of(), bytes(body), 3), "INVALID_RESPONSE");
        assertUnknown(HttpExchange.answered(200, headers(NOW, body.replace("true", "false")), bytes(body), 3), "INVALID_RESPONSE");
        assertUnknown(HttpExchange.answered(200, headers(NOW - 400_000, body), bytes(body), 3), "INVALID_RESPONSE");
        assertUnknown(signed(200, "{\"reference\":\"R1\",\"channelReference\":\"C2\",\"reversed\":true}"), "INVALID_RESPONSE");
        assertUnknown(signed(200, "{\"reference\":\"R2\",\"reversed\":true}"), "INVALID_RESPONSE");
        assertUnknown(signed(200, "{\"reversed\":\"yes\"}"), "INVALID_RESPONSE");
        assertUnknown(signed(200, "<html/>"), "INVALID_RESPONSE");
        assertUnknown(signed(500, body), "NETWORK");
        assertUnknown(signed(503, body), "NETWORK");
        assertUnknown(signed(401, "{\"error\":\"BAD_SIGNATURE\"}"), "INVALID_RESPONSE");
        assertUnknown(HttpExchange.failed("TIMEOUT", "slow", 3_000), "TIMEOUT");
        assertUnknown(HttpExchange.refused("refused", 1), "NETWORK");
    }

    @Test
    void statementLinesAreRead() {
        StatementResult statement = statement(signed(200, """
                {"date":"2026-03-10","lines":[
                 {"reference":"R1","channelReference":"C1","amount":5000,"chargedAt":"2026-03-10T08:00:00.250Z"},
                 {"reference":"R1","channelReference":"C2","amount":5000,"chargedAt":"2026-03-10T09:00:00Z"}]}"""));
        assertTrue(statement.available());
        assertEquals(DAY, statement.day());
        assertEquals(List.of(new StatementLine("R1", "C1", 5_000, Instant.parse("2026-03-10T08:00:00.250Z")),
                new StatementLine("R1", "C2", 5_000, Instant.parse("2026-03-10T09:00:00Z"))), statement.lines());
        StatementResult empty = statement(signed(200, "{\"date\":\"2026-03-10\",\"lines\":[]}"));
        assertTrue(empty.available());
        assertEquals(List.of(), empty.lines());
    }

    @Test
    void anIncompleteWrongOrUnsignedStatementIsUnavailable() {
        String good = "{\"date\":\"2026-03-10\",\"lines\":[]}";
        assertUnavailable(HttpExchange.answered(200, Map.of(), bytes(good), 3), "INVALID_RESPONSE");
        assertUnavailable(signed(200, "{\"date\":\"2026-03-11\",\"lines\":[]}"), "INVALID_RESPONSE");
        assertUnavailable(signed(200, "{\"date\":\"2026-03-10\"}"), "INVALID_RESPONSE");
        assertUnavailable(signed(200, "{\"date\":\"2026-03-10\",\"lines\":{}}"), "INVALID_RESPONSE");
        for (String line : new String[] {
                "{\"channelReference\":\"C1\",\"amount\":1,\"chargedAt\":\"2026-03-10T08:00:00Z\"}",
                "{\"reference\":\"R1\",\"amount\":1,\"chargedAt\":\"2026-03-10T08:00:00Z\"}",
                "{\"reference\":\"R1\",\"channelReference\":\"C1\",\"amount\":1.5,\"chargedAt\":\"2026-03-10T08:00:00Z\"}",
                "{\"reference\":\"R1\",\"channelReference\":\"C1\",\"amount\":-1,\"chargedAt\":\"2026-03-10T08:00:00Z\"}",
                "{\"reference\":\"R1\",\"channelReference\":\"C1\",\"amount\":1,\"chargedAt\":\"yesterday\"}",
                "{\"reference\":\"R1\",\"channelReference\":\"C1\",\"amount\":1}",
                "\"R1,C1,1\""}) {
            StatementResult result = statement(signed(200, "{\"date\":\"2026-03-10\",\"lines\":[" + line + "]}"));
            assertFalse(result.available(), line);
            assertEquals("INVALID_RESPONSE", result.errorClass(), line);
            assertEquals(List.of(), result.lines());
        }
        assertUnavailable(signed(500, good), "NETWORK");
        assertUnavailable(signed(400, "{\"error\":\"INVALID_REQUEST\"}"), "INVALID_RESPONSE");
        assertUnavailable(HttpExchange.failed("TIMEOUT", "slow", 3_000), "TIMEOUT");
    }

    private static ReversalResult reversal(HttpExchange exchange) {
        return JsonHmacMessages.readReversalAnswer(exchange, SECRET, NOW, "R1", "C1");
    }

    private static StatementResult statement(HttpExchange exchange) {
        return JsonHmacMessages.readStatementAnswer(exchange, SECRET, NOW, DAY);
    }

    private static void assertUnknown(HttpExchange exchange, String errorClass) {
        ReversalResult result = reversal(exchange);
        assertEquals(ReversalResult.Outcome.UNKNOWN, result.outcome());
        assertEquals(errorClass, result.errorCode());
    }

    private static void assertUnavailable(HttpExchange exchange, String errorClass) {
        StatementResult result = statement(exchange);
        assertFalse(result.available());
        assertEquals(errorClass, result.errorClass());
        assertEquals(DAY, result.day());
        assertEquals(List.of(), result.lines());
    }

    private static HttpExchange signed(int status, String body) {
        return HttpExchange.answered(status, headers(NOW, body), bytes(body), 4);
    }

    private static Map<String, String> headers(long timestamp, String body) {
        return Map.of("x-channel-timestamp", Long.toString(timestamp),
                "x-channel-signature", JsonHmacSignature.sign(SECRET, Long.toString(timestamp), bytes(body)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
