package com.topup.channel.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The form-md5 reversal and bill messages, read without a network. */
class FormMd5SettlementMessagesTest {

    private static final String SECRET = "k3y";
    private static final long NOW = 1_760_000_000_000L;
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    @Test
    void requestsAreSignedAndCarryTheChargeAndTheDay() {
        Map<String, String> reversal = FormMd5Messages.reversalParams("R1", "S-1", 5_000, SECRET, NOW);
        assertEquals("R1", reversal.get("order_no"));
        assertEquals("S-1", reversal.get("sup_order_no"));
        assertEquals("5000", reversal.get("amount"));
        assertEquals("1760000000", reversal.get("timestamp"));
        assertEquals(SignatureCheck.VALID, FormMd5Signature.checkSignedRecently(reversal, SECRET, NOW));
        Map<String, String> bill = FormMd5Messages.statementParams(DAY, SECRET, NOW);
        assertEquals("20260310", bill.get("bill_date"));
        assertEquals(SignatureCheck.VALID, FormMd5Signature.checkSignedRecently(bill, SECRET, NOW));
        assertEquals(List.of("bill_date", "timestamp", "sign"), List.copyOf(bill.keySet()));
    }

    @Test
    void reversalCodesMapThroughTheTable() {
        assertEquals(ReversalResult.Outcome.REVERSED, reversal(answer("code", "0000", "msg", "ok", "order_no", "R1",
                "sup_order_no", "S-1")).outcome());
        for (String code : new String[] {"4001", "4002", "4003", "4004", "1006", "1001", "1002", "4242"}) {
            ReversalResult refused = reversal(answer("code", code, "msg", "no"));
            assertEquals(ReversalResult.Outcome.REFUSED, refused.outcome(), code);
            assertEquals(code, refused.errorCode());
            assertEquals("no", refused.message());
        }
        for (String code : new String[] {"3001", "9999"}) {
            ReversalResult busy = reversal(answer("code", code, "msg", "busy"));
            assertEquals(ReversalResult.Outcome.UNKNOWN, busy.outcome(), code);
            assertEquals(code, busy.errorCode());
        }
    }

    @Test
    void reversalAnswersThatSayNothingUsableAreUnknown() {
        assertUnknown(HttpExchange.answered(200, Map.of(), bytes("{\"code\":\"0000\"}"), 3), "INVALID_RESPONSE");
        assertUnknown(HttpExchange.answered(200, Map.of(), bytes("success"), 3), "INVALID_RESPONSE");
        assertUnknown(answer("msg", "ok"), "INVALID_RESPONSE");
        assertUnknown(answer("code", "0000", "order_no", "R2"), "INVALID_RESPONSE");
        assertUnknown(answer("code", "0000", "sup_order_no", "S-2"), "INVALID_RESPONSE");
        assertUnknown(HttpExchange.answered(503, Map.of(), new byte[0], 3), "NETWORK");
        assertUnknown(HttpExchange.answered(404, Map.of(), new byte[0], 3), "INVALID_RESPONSE");
        assertUnknown(HttpExchange.failed("TIMEOUT", "slow", 3_000), "TIMEOUT");
    }

    @Test
    void billLinesAreRead() {
        StatementResult statement = statement(answer("code", "0000", "msg", "ok", "bill_date", "20260310", "count", "3",
                "total_amount", "13000", "bill", "R1,S-1,5000,1773129600\nR1,S-2,5000,1773129700\nR2,S-3,3000,1773129800"));
        assertTrue(statement.available(), statement.toString());
        assertEquals(List.of(new StatementLine("R1", "S-1", 5_000, Instant.ofEpochSecond(1_773_129_600L)),
                new StatementLine("R1", "S-2", 5_000, Instant.ofEpochSecond(1_773_129_700L)),
                new StatementLine("R2", "S-3", 3_000, Instant.ofEpochSecond(1_773_129_800L))), statement.lines());
        StatementResult empty = statement(answer("code", "0000", "bill_date", "20260310", "count", "0", "total_amount", "0", "bill", ""));
        assertTrue(empty.available());
        assertEquals(List.of(), empty.lines());
    }

    @Test
    void aBillThatDoesNotAddUpOrIsNotSignedIsUnavailable() {
        String[] bad = {
                "R1,S-1,5000", "R1,S-1,5000,1773129600,x", "R1,,5000,1773129600", ",S-1,5000,1773129600",
                "R1,S-1,50.00,1773129600", "R1,S-1,5000,2026-03-10", "R1,S-1,5000,1773129600\n"};
        for (String bill : bad) {
            StatementResult result = statement(answer("code", "0000", "bill_date", "20260310", "count", "1",
                    "total_amount", "5000", "bill", bill));
            assertFalse(result.available(), bill);
            assertEquals("INVALID_RESPONSE", result.errorClass(), bill);
        }
        assertUnavailable(answer("code", "0000", "bill_date", "20260310", "count", "2", "total_amount", "5000",
                "bill", "R1,S-1,5000,1773129600"), "INVALID_RESPONSE");
        assertUnavailable(answer("code", "0000", "bill_date", "20260310", "count", "1", "total_amount", "4000",
                "bill", "R1,S-1,5000,1773129600"), "INVALID_RESPONSE");
        assertUnavailable(answer("code", "0000", "bill_date", "20260311", "count", "0", "total_amount", "0"), "INVALID_RESPONSE");
        assertUnavailable(answer("code", "0000", "bill_date", "20260310"), "INVALID_RESPONSE");
        Map<String, String> tampered = new LinkedHashMap<>(FormMd5Signature.signed(Map.of("code", "0000",
                "bill_date", "20260310", "count", "1", "total_amount", "5000", "bill", "R1,S-1,5000,1773129600"), SECRET));
        tampered.put("bill", "R1,S-1,5000,1773129601");
        assertUnavailable(HttpExchange.answered(200, Map.of(), ProtocolJson.write(tampered), 3), "INVALID_RESPONSE");
        StatementResult refused = statement(answer("code", "1001", "msg", "bad bill_date"));
        assertFalse(refused.available());
        assertEquals("REFUSED", refused.errorClass());
        assertTrue(refused.message().contains("1001"), refused.message());
        assertUnavailable(HttpExchange.answered(503, Map.of(), new byte[0], 3), "NETWORK");
        assertUnavailable(HttpExchange.failed("TIMEOUT", "slow", 3_000), "TIMEOUT");
    }

    private static ReversalResult reversal(HttpExchange exchange) {
        return FormMd5Messages.readReversalAnswer(exchange, SECRET, "R1", "S-1");
    }

    private static StatementResult statement(HttpExchange exchange) {
        return FormMd5Messages.readStatementAnswer(exchange, SECRET, DAY);
    }

    private static void assertUnknown(HttpExchange exchange, String errorClass) {
        ReversalResult result = reversal(exchange);
        assertEquals(ReversalResult.Outcome.UNKNOWN, result.outcome());
        assertEquals(errorClass, result.errorCode());
    }

    private static void assertUnavailable(HttpExchange exchange, String errorClass) {
        StatementResult result = statement(exchange);
        assertFalse(result.available());
        assertEquals(errorClass, result.errorClass(), result.message());
        assertEquals(List.of(), result.lines());
    }

    /** A signed JSON answer with the given field/value pairs. */
    private static HttpExchange answer(String... fieldsAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return HttpExchange.answered(200, Map.of(), ProtocolJson.write(FormMd5Signature.signed(fields, SECRET)), 7);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
