package com.topup.channel.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormMd5AdapterTest {

    private static final String SECRET = "k3y";
    private static final long NOW = 1_760_000_000_000L;

    @Test
    void canonicalStringSortsNonEmptyParamsWithoutSignAndAppendsTheKey() throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("order_no", "R1");
        params.put("amount", "1000");
        params.put("notify_url", "");
        params.put("mobile", "13800138000");
        params.put("sign", "whatever");
        assertEquals("amount=1000&mobile=13800138000&order_no=R1&key=k3y", FormMd5Signature.canonical(params, SECRET));
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest("amount=1000&mobile=13800138000&order_no=R1&key=k3y".getBytes(StandardCharsets.UTF_8)));
        assertEquals(md5, FormMd5Signature.sign(params, SECRET));
    }

    @Test
    void submitParamsAreSignedAndCarryTheOrder() {
        Map<String, String> params = FormMd5Messages.submitParams(new SubmitRequest("R1", "13800138000", "CHINA_UNICOM",
                5000, URI.create("http://127.0.0.1:8080/cb?x=1&y=2")), SECRET, NOW);
        assertEquals("R1", params.get("order_no"));
        assertEquals("13800138000", params.get("mobile"));
        assertEquals("CHINA_UNICOM", params.get("carrier"));
        assertEquals("5000", params.get("amount"));
        assertEquals("http://127.0.0.1:8080/cb?x=1&y=2", params.get("notify_url"));
        assertEquals("1760000000", params.get("timestamp"));
        assertEquals(SignatureCheck.VALID, FormMd5Signature.checkSignedRecently(params, SECRET, NOW));
        Map<String, String> roundTrip = FormEncoding.decode(FormEncoding.encode(params));
        assertEquals(params, roundTrip);
    }

    @Test
    void signatureChecksRefuseTamperingMissingSignAndStaleTimestamps() {
        Map<String, String> params = FormMd5Signature.signed(Map.of("order_no", "R1", "timestamp", "1760000000"), SECRET);
        assertEquals(SignatureCheck.VALID, FormMd5Signature.checkSignedRecently(params, SECRET, NOW + 299_000));
        assertEquals(SignatureCheck.STALE_TIMESTAMP, FormMd5Signature.checkSignedRecently(params, SECRET, NOW + 301_000));
        assertEquals(SignatureCheck.BAD_SIGNATURE, FormMd5Signature.checkSignature(params, "other"));
        Map<String, String> tampered = new LinkedHashMap<>(params);
        tampered.put("order_no", "R2");
        assertEquals(SignatureCheck.BAD_SIGNATURE, FormMd5Signature.checkSignature(tampered, SECRET));
        Map<String, String> unsigned = new LinkedHashMap<>(params);
        unsigned.remove("sign");
        assertEquals(SignatureCheck.MISSING, FormMd5Signature.checkSignature(unsigned, SECRET));
        Map<String, String> noTimestamp = FormMd5Signature.signed(Map.of("order_no", "R1"), SECRET);
        assertEquals(SignatureCheck.MISSING, FormMd5Signature.checkSignedRecently(noTimestamp, SECRET, NOW));
    }

    @Test
    void submitAnswerCodesMapThroughTheTable() {
        SubmitResult accepted = FormMd5Messages.readSubmitAnswer(answer("code", "0000", "msg", "ok", "sup_order_no", "S-1"), SECRET);
        assertEquals(SubmitOutcome.ACCEPTED, accepted.outcome());
        assertEquals("S-1", accepted.channelReference());
        assertRefused("2001", SubmitOutcome.REJECTED, "OUT_OF_STOCK");
        assertRefused("2002", SubmitOutcome.REJECTED, "OUT_OF_STOCK");
        assertRefused("1001", SubmitOutcome.REJECTED, "REJECTED");
        assertRefused("1004", SubmitOutcome.REJECTED, "REJECTED");
        assertRefused("3001", SubmitOutcome.REJECTED, "REJECTED");
        assertRefused("4242", SubmitOutcome.REJECTED, "REJECTED");
        assertRefused("1003", SubmitOutcome.UNKNOWN, "UNKNOWN");
        assertRefused("9999", SubmitOutcome.UNKNOWN, "UNKNOWN");
    }

    @Test
    void unsignedOrIncompleteSubmitAnswersAreInvalid() {
        HttpExchange unsigned = HttpExchange.answered(200, Map.of(), bytes("{\"code\":\"0000\",\"sup_order_no\":\"S\"}"), 5);
        assertEquals("INVALID_RESPONSE", FormMd5Messages.readSubmitAnswer(unsigned, SECRET).errorClass());
        assertEquals("INVALID_RESPONSE", FormMd5Messages.readSubmitAnswer(answer("code", "0000", "msg", "ok"), SECRET).errorClass());
        assertEquals("INVALID_RESPONSE", FormMd5Messages.readSubmitAnswer(answer("msg", "ok"), SECRET).errorClass());
        HttpExchange garbage = HttpExchange.answered(200, Map.of(), bytes("success"), 5);
        assertEquals(SubmitOutcome.UNKNOWN, FormMd5Messages.readSubmitAnswer(garbage, SECRET).outcome());
        assertEquals("NETWORK", FormMd5Messages.readSubmitAnswer(HttpExchange.answered(502, Map.of(), new byte[0], 5), SECRET).errorClass());
        assertEquals("NETWORK", FormMd5Messages.readSubmitAnswer(HttpExchange.failed("NETWORK", "reset", 1), SECRET).errorClass());
        assertEquals(SubmitOutcome.UNKNOWN, FormMd5Messages.readSubmitAnswer(HttpExchange.failed("NETWORK", "reset", 1), SECRET).outcome());
        assertEquals(SubmitOutcome.REJECTED, FormMd5Messages.readSubmitAnswer(HttpExchange.refused("refused", 1), SECRET).outcome());
    }

    @Test
    void queryStatusesMapAsDocumented() {
        StatusResult processing = FormMd5Messages.readQueryAnswer(answer("code", "0000", "order_no", "R1", "status", "1"), SECRET, "R1");
        assertEquals(ChannelStatus.PROCESSING, processing.status());
        StatusResult succeeded = FormMd5Messages.readQueryAnswer(answer("code", "0000", "order_no", "R1", "status", "2",
                "sup_order_no", "S-1", "amount", "3000"), SECRET, "R1");
        assertEquals(ChannelStatus.SUCCEEDED, succeeded.status());
        assertEquals(3000L, succeeded.amount());
        assertEquals("S-1", succeeded.channelReference());
        StatusResult failed = FormMd5Messages.readQueryAnswer(answer("code", "0000", "status", "9", "err_code", "2001"), SECRET, "R1");
        assertEquals(ChannelStatus.FAILED, failed.status());
        assertEquals("OUT_OF_STOCK", failed.errorClass());
        assertEquals(ChannelStatus.NOT_FOUND, FormMd5Messages.readQueryAnswer(answer("code", "0000", "status", "404"), SECRET, "R1").status());
        assertEquals(ChannelStatus.NOT_FOUND, FormMd5Messages.readQueryAnswer(answer("code", "1006"), SECRET, "R1").status());
        StatusResult busy = FormMd5Messages.readQueryAnswer(answer("code", "9999", "msg", "busy"), SECRET, "R1");
        assertEquals(ChannelStatus.UNKNOWN, busy.status());
        assertEquals("9999", busy.errorCode());
        assertEquals("INVALID_RESPONSE", FormMd5Messages.readQueryAnswer(answer("code", "0000", "status", "7"), SECRET, "R1").errorClass());
        assertEquals("INVALID_RESPONSE", FormMd5Messages.readQueryAnswer(answer("code", "0000", "order_no", "R2", "status", "2"), SECRET, "R1").errorClass());
    }

    @Test
    void callbacksAreVerifiedAndRead() throws InvalidChannelCallback {
        Map<String, String> success = callbackParams("2", "S-1", "10000", NOW);
        ChannelCallback callback = FormMd5Messages.readCallback(SECRET, form(success), NOW);
        assertEquals(new ChannelCallback("R1", "S-1", ChannelStatus.SUCCEEDED, 10_000L, null, null), callback);

        Map<String, String> failure = new LinkedHashMap<>(callbackParams("9", "S-1", "10000", NOW));
        failure.remove("sign");
        failure.put("err_code", "5001");
        ChannelCallback failed = FormMd5Messages.readCallback(SECRET, form(FormMd5Signature.signed(failure, SECRET)), NOW);
        assertEquals(ChannelStatus.FAILED, failed.status());
        assertEquals("REJECTED", failed.errorClass());
        assertEquals("5001", failed.errorCode());

        assertCode("BAD_SIGNATURE", () -> FormMd5Messages.readCallback("other", form(success), NOW));
        assertCode("BAD_SIGNATURE", () -> FormMd5Messages.readCallback(SECRET, form(success), NOW + 400_000));
        Map<String, String> tampered = new LinkedHashMap<>(success);
        tampered.put("amount", "90000");
        assertCode("BAD_SIGNATURE", () -> FormMd5Messages.readCallback(SECRET, form(tampered), NOW));
        assertCode("INVALID_CALLBACK", () -> FormMd5Messages.readCallback(SECRET, form(callbackParams("5", "S-1", "100", NOW)), NOW));
        assertCode("INVALID_CALLBACK", () -> FormMd5Messages.readCallback(SECRET, form(callbackParams("2", "", "100", NOW)), NOW));
        assertCode("INVALID_CALLBACK", () -> FormMd5Messages.readCallback(SECRET, form(callbackParams("2", "S-1", "1.5", NOW)), NOW));
        assertCode("INVALID_CALLBACK", () -> FormMd5Messages.readCallback(SECRET, bytes("a=1&a=2"), NOW));
        Map<String, String> noOrder = new LinkedHashMap<>(callbackParams("2", "S-1", "100", NOW));
        noOrder.remove("order_no");
        noOrder.remove("sign");
        assertCode("INVALID_CALLBACK", () -> FormMd5Messages.readCallback(SECRET, form(FormMd5Signature.signed(noOrder, SECRET)), NOW));
    }

    private static Map<String, String> callbackParams(String status, String supplierOrder, String amount, long now) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("order_no", "R1");
        params.put("sup_order_no", supplierOrder);
        params.put("status", status);
        params.put("amount", amount);
        params.put("timestamp", Long.toString(now / 1000));
        return FormMd5Signature.signed(params, SECRET);
    }

    private static void assertRefused(String code, SubmitOutcome outcome, String errorClass) {
        SubmitResult result = FormMd5Messages.readSubmitAnswer(answer("code", code, "msg", "no"), SECRET);
        assertEquals(outcome, result.outcome(), code);
        assertEquals(errorClass, result.errorClass(), code);
        assertEquals(code, result.errorCode());
        assertNull(result.channelReference());
    }

    private static void assertCode(String code, org.junit.jupiter.api.function.Executable call) {
        InvalidChannelCallback e = assertThrows(InvalidChannelCallback.class, call);
        assertEquals(code, e.code(), e.getMessage());
    }

    /** A signed JSON answer with the given field/value pairs. */
    private static HttpExchange answer(String... fieldsAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return HttpExchange.answered(200, Map.of(), ProtocolJson.write(FormMd5Signature.signed(fields, SECRET)), 7);
    }

    private static byte[] form(Map<String, String> params) {
        return bytes(FormEncoding.encode(params));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
