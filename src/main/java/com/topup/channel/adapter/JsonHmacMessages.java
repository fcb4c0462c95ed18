package com.topup.channel.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The json-hmac protocol's messages, without the transport: request bodies, signed headers, and reading answers and
 * callbacks into the adapter's results.
 */
final class JsonHmacMessages {

    private JsonHmacMessages() {
    }

    static byte[] submitBody(SubmitRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", request.reference());
        body.put("phone", request.phone());
        body.put("carrier", request.carrier());
        body.put("faceValue", request.faceValue());
        body.put("callbackUrl", request.callbackUrl() == null ? null : request.callbackUrl().toString());
        return ProtocolJson.write(body);
    }

    static byte[] queryBody(String reference) {
        return ProtocolJson.write(Map.of("reference", reference));
    }

    static byte[] reversalBody(String reference, String channelReference, long amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", reference);
        body.put("channelReference", channelReference);
        body.put("amount", amount);
        return ProtocolJson.write(body);
    }

    static byte[] statementBody(LocalDate day) {
        return ProtocolJson.write(Map.of("date", day.toString()));
    }

    static Map<String, String> signedHeaders(String secret, byte[] body, long nowMillis) {
        String timestamp = Long.toString(nowMillis);
        return Map.of(JsonHmacSignature.TIMESTAMP_HEADER, timestamp,
                JsonHmacSignature.SIGNATURE_HEADER, JsonHmacSignature.sign(secret, timestamp, body));
    }

    static SubmitResult readSubmitAnswer(HttpExchange exchange, String secret, long nowMillis) {
        long elapsed = exchange.elapsedMillis();
        SubmitResult unanswered = exchange.submitWithoutAnswer();
        if (unanswered != null) {
            return unanswered;
        }
        JsonNode answer = verifiedObject(exchange, secret, nowMillis);
        if (answer == null) {
            return SubmitResult.unknown("INVALID_RESPONSE", "unsigned, badly signed or unreadable answer", elapsed);
        }
        JsonNode accepted = answer.get("accepted");
        if (accepted == null || !accepted.isBoolean()) {
            return SubmitResult.unknown("INVALID_RESPONSE", "answer without a boolean accepted", elapsed);
        }
        if (accepted.asBoolean()) {
            String channelReference = ProtocolJson.text(answer, "channelReference");
            if (channelReference == null) {
                return SubmitResult.unknown("INVALID_RESPONSE", "accepted without a channelReference", elapsed);
            }
            return SubmitResult.accepted(channelReference, elapsed);
        }
        return SubmitResult.rejected(refusalClass(ProtocolJson.text(answer, "errorClass")),
                ProtocolJson.text(answer, "errorCode"), ProtocolJson.text(answer, "message"), elapsed);
    }

    static StatusResult readQueryAnswer(HttpExchange exchange, String secret, long nowMillis, String reference) {
        if (exchange.failed()) {
            return StatusResult.unknown(exchange.failureClass(), exchange.failureMessage());
        }
        if (!exchange.successful()) {
            return StatusResult.unknown(exchange.unusableStatusClass(), "HTTP " + exchange.status());
        }
        JsonNode answer = verifiedObject(exchange, secret, nowMillis);
        if (answer == null) {
            return StatusResult.unknown("INVALID_RESPONSE", "unsigned, badly signed or unreadable answer");
        }
        String echoed = ProtocolJson.text(answer, "reference");
        if (echoed != null && !echoed.equals(reference)) {
            return StatusResult.unknown("INVALID_RESPONSE", "answer about another reference");
        }
        String status = ProtocolJson.text(answer, "status");
        String channelReference = ProtocolJson.text(answer, "channelReference");
        Long amount = ProtocolJson.amount(answer, "amount");
        String errorCode = ProtocolJson.text(answer, "errorCode");
        if (status == null) {
            return StatusResult.unknown("INVALID_RESPONSE", "answer without a status");
        }
        return switch (status) {
            case "PROCESSING" -> new StatusResult(ChannelStatus.PROCESSING, channelReference, null, null, null, null);
            case "SUCCEEDED" -> new StatusResult(ChannelStatus.SUCCEEDED, channelReference, amount, null, null, null);
            case "FAILED" -> new StatusResult(ChannelStatus.FAILED, channelReference, amount,
                    refusalClass(ProtocolJson.text(answer, "errorClass")), errorCode, ProtocolJson.text(answer, "message"));
            case "NOT_FOUND" -> new StatusResult(ChannelStatus.NOT_FOUND, null, null, null, errorCode, null);
            default -> StatusResult.unknown("INVALID_RESPONSE", "unknown status " + status);
        };
    }

    static ReversalResult readReversalAnswer(HttpExchange exchange, String secret, long nowMillis, String reference,
                                             String channelReference) {
        if (exchange.failed()) {
            return ReversalResult.unknown(exchange.failureClass(), exchange.failureMessage());
        }
        if (!exchange.successful()) {
            return ReversalResult.unknown(exchange.unusableStatusClass(), "HTTP " + exchange.status());
        }
        JsonNode answer = verifiedObject(exchange, secret, nowMillis);
        if (answer == null) {
            return ReversalResult.unknown("INVALID_RESPONSE", "unsigned, badly signed or unreadable answer");
        }
        String echoedReference = ProtocolJson.text(answer, "reference");
        String echoedCharge = ProtocolJson.text(answer, "channelReference");
        if ((echoedReference != null && !echoedReference.equals(reference))
                || (echoedCharge != null && !echoedCharge.equals(channelReference))) {
            return ReversalResult.unknown("INVALID_RESPONSE", "answer about another charge");
        }
        JsonNode reversed = answer.get("reversed");
        if (reversed == null || !reversed.isBoolean()) {
            return ReversalResult.unknown("INVALID_RESPONSE", "answer without a boolean reversed");
        }
        if (reversed.asBoolean()) {
            return new ReversalResult(ReversalResult.Outcome.REVERSED, null, null);
        }
        String errorCode = ProtocolJson.text(answer, "errorCode");
        return new ReversalResult(ReversalResult.Outcome.REFUSED, errorCode == null ? "REFUSED" : errorCode,
                ProtocolJson.text(answer, "message"));
    }

    static StatementResult readStatementAnswer(HttpExchange exchange, String secret, long nowMillis, LocalDate day) {
        if (exchange.failed()) {
            return StatementResult.unavailable(day, exchange.failureClass(), exchange.failureMessage());
        }
        if (!exchange.successful()) {
            return StatementResult.unavailable(day, exchange.unusableStatusClass(), "HTTP " + exchange.status());
        }
        JsonNode answer = verifiedObject(exchange, secret, nowMillis);
        if (answer == null) {
            return StatementResult.unavailable(day, "INVALID_RESPONSE", "unsigned, badly signed or unreadable answer");
        }
        if (!day.toString().equals(ProtocolJson.text(answer, "date"))) {
            return StatementResult.unavailable(day, "INVALID_RESPONSE", "statement of another day");
        }
        JsonNode items = answer.get("lines");
        if (items == null || !items.isArray()) {
            return StatementResult.unavailable(day, "INVALID_RESPONSE", "statement without lines");
        }
        List<StatementLine> lines = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            StatementLine line = items.get(i).isObject() ? statementLine(items.get(i)) : null;
            if (line == null) {
                return StatementResult.unavailable(day, "INVALID_RESPONSE", "statement line " + (i + 1) + " unreadable");
            }
            lines.add(line);
        }
        return StatementResult.of(day, lines);
    }

    /** A line with all four fields readable, else null. */
    private static StatementLine statementLine(JsonNode item) {
        String reference = ProtocolJson.text(item, "reference");
        String channelReference = ProtocolJson.text(item, "channelReference");
        Long amount = ProtocolJson.amount(item, "amount");
        String chargedAt = ProtocolJson.text(item, "chargedAt");
        if (reference == null || channelReference == null || amount == null || chargedAt == null) {
            return null;
        }
        try {
            return new StatementLine(reference, channelReference, amount, Instant.parse(chargedAt));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static ChannelCallback readCallback(String secret, Map<String, String> headers, byte[] body, long nowMillis)
            throws InvalidChannelCallback {
        SignatureCheck check = JsonHmacSignature.check(secret, headers.get("x-channel-timestamp"),
                headers.get("x-channel-signature"), body, nowMillis);
        if (!check.valid()) {
            throw new InvalidChannelCallback("BAD_SIGNATURE", "callback signature: " + check);
        }
        JsonNode callback = ProtocolJson.object(body);
        if (callback == null) {
            throw new InvalidChannelCallback("INVALID_CALLBACK", "body is not a JSON object");
        }
        String reference = ProtocolJson.text(callback, "reference");
        String status = ProtocolJson.text(callback, "status");
        String channelReference = ProtocolJson.text(callback, "channelReference");
        Long amount = ProtocolJson.amount(callback, "amount");
        if (reference == null) {
            throw new InvalidChannelCallback("INVALID_CALLBACK", "reference missing");
        }
        if (amount == null && !ProtocolJson.absent(callback, "amount")) {
            throw new InvalidChannelCallback("INVALID_CALLBACK", "amount is not a whole number of fen");
        }
        if ("SUCCEEDED".equals(status)) {
            if (channelReference == null) {
                throw new InvalidChannelCallback("INVALID_CALLBACK", "channelReference missing on success");
            }
            return new ChannelCallback(reference, channelReference, ChannelStatus.SUCCEEDED, amount, null, null);
        }
        if ("FAILED".equals(status)) {
            return new ChannelCallback(reference, channelReference, ChannelStatus.FAILED, amount,
                    refusalClass(ProtocolJson.text(callback, "errorClass")), ProtocolJson.text(callback, "errorCode"));
        }
        throw new InvalidChannelCallback("INVALID_CALLBACK", "status must be SUCCEEDED or FAILED");
    }

    /** OUT_OF_STOCK when the channel says so; any other refusal or failure is REJECTED. */
    static String refusalClass(String errorClass) {
        return "OUT_OF_STOCK".equals(errorClass) ? "OUT_OF_STOCK" : "REJECTED";
    }

    private static JsonNode verifiedObject(HttpExchange exchange, String secret, long nowMillis) {
        SignatureCheck check = JsonHmacSignature.check(secret, exchange.header("x-channel-timestamp"),
                exchange.header("x-channel-signature"), exchange.body(), nowMillis);
        return check.valid() ? ProtocolJson.object(exchange.body()) : null;
    }
}
