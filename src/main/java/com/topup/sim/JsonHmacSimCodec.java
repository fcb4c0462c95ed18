package com.topup.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.channel.adapter.JsonHmacAdapter;
import com.topup.channel.adapter.JsonHmacSignature;
import com.topup.channel.adapter.SignatureCheck;
import com.topup.channel.adapter.StatementLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The supplier side of json-hmac: signed JSON both ways, failures carry an errorCode and errorClass. The messages are
 * described on {@link JsonHmacAdapter}.
 */
final class JsonHmacSimCodec implements SimProtocolCodec {

    static final String FAILURE_CODE = "TOPUP_FAILED";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String protocol() {
        return JsonHmacAdapter.PROTOCOL;
    }

    @Override
    public String failureCode() {
        return FAILURE_CODE;
    }

    @Override
    public String submitOperation() {
        return "topup";
    }

    @Override
    public String reversalOperation() {
        return "reverse";
    }

    @Override
    public String statementOperation() {
        return "statement";
    }

    @Override
    public SimRequest<SimSubmit> readSubmit(String secret, Map<String, String> headers, byte[] body, long nowMillis) {
        JsonNode request = verified(secret, headers, body, nowMillis);
        if (request == null) {
            return SimRequest.refused(refusal(secret, "BAD_SIGNATURE", "REJECTED", nowMillis));
        }
        String reference = text(request, "reference");
        String phone = text(request, "phone");
        JsonNode faceValue = request.get("faceValue");
        if (reference == null || phone == null || faceValue == null || !faceValue.canConvertToLong() || faceValue.asLong() <= 0) {
            return SimRequest.refused(refusal(secret, "INVALID_REQUEST", "REJECTED", nowMillis));
        }
        return SimRequest.of(new SimSubmit(reference, phone, text(request, "carrier"), faceValue.asLong(),
                text(request, "callbackUrl")));
    }

    @Override
    public SimRequest<String> readQuery(String secret, Map<String, String> headers, byte[] body, long nowMillis) {
        JsonNode request = verified(secret, headers, body, nowMillis);
        if (request == null) {
            return SimRequest.refused(signed(401, secret, Map.of("error", "BAD_SIGNATURE"), nowMillis));
        }
        String reference = text(request, "reference");
        if (reference == null) {
            return SimRequest.refused(signed(400, secret, Map.of("error", "INVALID_REQUEST"), nowMillis));
        }
        return SimRequest.of(reference);
    }

    @Override
    public SimRequest<SimReversal> readReversal(String secret, Map<String, String> headers, byte[] body, long nowMillis) {
        JsonNode request = verified(secret, headers, body, nowMillis);
        if (request == null) {
            return SimRequest.refused(signed(401, secret, Map.of("error", "BAD_SIGNATURE"), nowMillis));
        }
        String reference = text(request, "reference");
        String channelReference = text(request, "channelReference");
        JsonNode amount = request.get("amount");
        if (reference == null || channelReference == null || amount == null || !amount.isIntegralNumber()
                || !amount.canConvertToLong() || amount.asLong() <= 0) {
            return SimRequest.refused(signed(400, secret, Map.of("error", "INVALID_REQUEST"), nowMillis));
        }
        return SimRequest.of(new SimReversal(reference, channelReference, amount.asLong()));
    }

    @Override
    public SimMessage reversal(String secret, SimReversal request, SimReversal.Verdict verdict, long nowMillis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", request.reference());
        body.put("channelReference", request.channelReference());
        body.put("reversed", verdict == SimReversal.Verdict.REVERSED);
        switch (verdict) {
            case REVERSED -> { }
            case REFUSED -> refusal(body, "REVERSAL_REFUSED", "the recharge is used and cannot be reversed");
            case ORDER_NOT_FOUND -> refusal(body, verdict.name(), "no such order");
            case NOT_CHARGED -> refusal(body, verdict.name(), "nothing charged under this channel reference");
            case ORDER_PROCESSING -> refusal(body, verdict.name(), "the order has no result yet");
            case AMOUNT_MISMATCH -> refusal(body, verdict.name(), "the amount is not the one charged");
        }
        return signed(200, secret, body, nowMillis);
    }

    @Override
    public SimRequest<LocalDate> readStatement(String secret, Map<String, String> headers, byte[] body, long nowMillis) {
        JsonNode request = verified(secret, headers, body, nowMillis);
        if (request == null) {
            return SimRequest.refused(signed(401, secret, Map.of("error", "BAD_SIGNATURE"), nowMillis));
        }
        String date = text(request, "date");
        try {
            return SimRequest.of(LocalDate.parse(date == null ? "" : date));
        } catch (DateTimeParseException e) {
            return SimRequest.refused(signed(400, secret, Map.of("error", "INVALID_REQUEST"), nowMillis));
        }
    }

    @Override
    public SimMessage statement(String secret, LocalDate day, List<StatementLine> lines, long nowMillis) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + lines.size() * 112);
        try (JsonGenerator out = JSON.getFactory().createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField("date", day.toString());
            out.writeArrayFieldStart("lines");
            for (StatementLine line : lines) {
                out.writeStartObject();
                out.writeStringField("reference", line.reference());
                out.writeStringField("channelReference", line.channelReference());
                out.writeNumberField("amount", line.amount());
                out.writeStringField("chargedAt", line.chargedAt().toString());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return signedBytes(200, secret, bytes.toByteArray(), nowMillis);
    }

    @Override
    public SimMessage accepted(String secret, String channelReference, long nowMillis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", true);
        body.put("channelReference", channelReference);
        return signed(200, secret, body, nowMillis);
    }

    @Override
    public SimMessage refused(String secret, OrderFate.Immediate reason, long nowMillis) {
        return switch (reason) {
            case OUT_OF_STOCK -> refusal(secret, "NO_STOCK", "OUT_OF_STOCK", nowMillis);
            case CARRIER_NOT_SERVED -> refusal(secret, "CARRIER_NOT_SERVED", "REJECTED", nowMillis);
            default -> refusal(secret, "ORDER_REFUSED", "REJECTED", nowMillis);
        };
    }

    @Override
    public SimMessage status(String secret, String reference, SimOrder.View order, long nowMillis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", reference);
        if (order == null) {
            body.put("status", "NOT_FOUND");
            return signed(200, secret, body, nowMillis);
        }
        body.put("status", order.status().name());
        body.put("channelReference", order.channelReference());
        if (order.status() != SimOrder.Status.PROCESSING) {
            body.put("amount", order.amount());
        }
        if (order.errorCode() != null) {
            body.put("errorCode", order.errorCode());
            body.put("errorClass", "REJECTED");
        }
        return signed(200, secret, body, nowMillis);
    }

    @Override
    public SimMessage queryFailed(String secret, long nowMillis) {
        return signed(500, secret, Map.of("error", "INTERNAL_ERROR"), nowMillis);
    }

    @Override
    public SimMessage callback(String secret, SimOrder.View order, String channelReference, long nowMillis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", order.reference());
        body.put("channelReference", channelReference);
        body.put("status", order.status().name());
        body.put("amount", order.amount());
        if (order.errorCode() != null) {
            body.put("errorCode", order.errorCode());
            body.put("errorClass", "REJECTED");
        }
        return signed(0, secret, body, nowMillis);
    }

    @Override
    public boolean acknowledges(int status, String body) {
        if (status < 200 || status >= 300) {
            return false;
        }
        try {
            JsonNode answer = JSON.readTree(body);
            return answer != null && answer.path("ok").asBoolean(false);
        } catch (IOException e) {
            return false;
        }
    }

    private static void refusal(Map<String, Object> body, String code, String message) {
        body.put("errorCode", code);
        body.put("message", message);
    }

    private static SimMessage refusal(String secret, String code, String errorClass, long nowMillis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", false);
        body.put("errorCode", code);
        body.put("errorClass", errorClass);
        return signed(200, secret, body, nowMillis);
    }

    private static SimMessage signed(int status, String secret, Map<String, ?> body, long nowMillis) {
        try {
            return signedBytes(status, secret, JSON.writeValueAsBytes(body), nowMillis);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SimMessage signedBytes(int status, String secret, byte[] bytes, long nowMillis) {
        String timestamp = Long.toString(nowMillis);
        return new SimMessage(status, "application/json", Map.of(
                JsonHmacSignature.TIMESTAMP_HEADER, timestamp,
                JsonHmacSignature.SIGNATURE_HEADER, JsonHmacSignature.sign(secret, timestamp, bytes)), bytes);
    }

    private static JsonNode verified(String secret, Map<String, String> headers, byte[] body, long nowMillis) {
        SignatureCheck check = JsonHmacSignature.check(secret, headers.get("x-channel-timestamp"),
                headers.get("x-channel-signature"), body, nowMillis);
        if (!check.valid()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }
}
