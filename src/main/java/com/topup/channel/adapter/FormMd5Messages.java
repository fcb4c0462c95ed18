package com.topup.channel.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The form-md5 protocol's messages, without the transport: signed form parameters, and reading the JSON answers
 * (signed with a {@code sign} field over their other scalar fields) and the form callbacks.
 */
final class FormMd5Messages {

    private FormMd5Messages() {
    }

    static Map<String, String> submitParams(SubmitRequest request, String secret, long nowMillis) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("order_no", request.reference());
        params.put("mobile", request.phone());
        params.put("carrier", request.carrier());
        params.put("amount", Long.toString(request.faceValue()));
        params.put("notify_url", request.callbackUrl() == null ? "" : request.callbackUrl().toString());
        params.put(FormMd5Signature.TIMESTAMP, Long.toString(nowMillis / 1000));
        return FormMd5Signature.signed(params, secret);
    }

    static Map<String, String> queryParams(String reference, String secret, long nowMillis) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("order_no", reference);
        params.put(FormMd5Signature.TIMESTAMP, Long.toString(nowMillis / 1000));
        return FormMd5Signature.signed(params, secret);
    }

    static Map<String, String> reversalParams(String reference, String channelReference, long amount, String secret,
                                              long nowMillis) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("order_no", reference);
        params.put("sup_order_no", channelReference);
        params.put("amount", Long.toString(amount));
        params.put(FormMd5Signature.TIMESTAMP, Long.toString(nowMillis / 1000));
        return FormMd5Signature.signed(params, secret);
    }

    static Map<String, String> statementParams(LocalDate day, String secret, long nowMillis) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("bill_date", day.format(DateTimeFormatter.BASIC_ISO_DATE));
        params.put(FormMd5Signature.TIMESTAMP, Long.toString(nowMillis / 1000));
        return FormMd5Signature.signed(params, secret);
    }

    static SubmitResult readSubmitAnswer(HttpExchange exchange, String secret) {
        long elapsed = exchange.elapsedMillis();
        SubmitResult unanswered = exchange.submitWithoutAnswer();
        if (unanswered != null) {
            return unanswered;
        }
        Map<String, String> answer = verifiedFields(exchange, secret);
        if (answer == null || answer.get("code") == null) {
            return SubmitResult.unknown("INVALID_RESPONSE", "unsigned, badly signed or unreadable answer", elapsed);
        }
        String code = answer.get("code");
        String message = answer.get("msg");
        if (FormMd5Codes.OK.equals(code)) {
            String supplierOrder = nonBlank(answer.get("sup_order_no"));
            if (supplierOrder == null) {
                return SubmitResult.unknown("INVALID_RESPONSE", "accepted without a sup_order_no", elapsed);
            }
            return SubmitResult.accepted(supplierOrder, elapsed);
        }
        String errorClass = FormMd5Codes.submitErrorClass(code);
        if ("UNKNOWN".equals(errorClass)) {
            return new SubmitResult(SubmitOutcome.UNKNOWN, null, "UNKNOWN", code, message, elapsed);
        }
        return SubmitResult.rejected(errorClass, code, message, elapsed);
    }

    static StatusResult readQueryAnswer(HttpExchange exchange, String secret, String reference) {
        if (exchange.failed()) {
            return StatusResult.unknown(exchange.failureClass(), exchange.failureMessage());
        }
        if (!exchange.successful()) {
            return StatusResult.unknown(exchange.unusableStatusClass(), "HTTP " + exchange.status());
        }
        Map<String, String> answer = verifiedFields(exchange, secret);
        if (answer == null || answer.get("code") == null) {
            return StatusResult.unknown("INVALID_RESPONSE", "unsigned, badly signed or unreadable answer");
        }
        String code = answer.get("code");
        if (FormMd5Codes.ORDER_NOT_FOUND.equals(code)) {
            return new StatusResult(ChannelStatus.NOT_FOUND, null, null, null, code, answer.get("msg"));
        }
        if (!FormMd5Codes.OK.equals(code)) {
            return new StatusResult(ChannelStatus.UNKNOWN, null, null, "UNKNOWN", code, answer.get("msg"));
        }
        String echoed = nonBlank(answer.get("order_no"));
        if (echoed != null && !echoed.equals(reference)) {
            return StatusResult.unknown("INVALID_RESPONSE", "answer about another order_no");
        }
        String supplierOrder = nonBlank(answer.get("sup_order_no"));
        Long amount = Timestamps.parseDigits(answer.get("amount"));
        String errCode = nonBlank(answer.get("err_code"));
        String status = answer.get("status");
        if (status == null) {
            return StatusResult.unknown("INVALID_RESPONSE", "answer without a status");
        }
        return switch (status) {
            case FormMd5Codes.STATUS_PROCESSING -> new StatusResult(ChannelStatus.PROCESSING, supplierOrder, null, null, null, null);
            case FormMd5Codes.STATUS_SUCCEEDED -> new StatusResult(ChannelStatus.SUCCEEDED, supplierOrder, amount, null, null, null);
            case FormMd5Codes.STATUS_FAILED -> new StatusResult(ChannelStatus.FAILED, supplierOrder, amount,
                    FormMd5Codes.failureClass(errCode), errCode, answer.get("err_msg"));
            case FormMd5Codes.STATUS_NOT_FOUND -> new StatusResult(ChannelStatus.NOT_FOUND, null, null, null, null, null);
            default -> StatusResult.unknown("INVALID_RESPONSE", "unknown status " + status);
        };
    }

    static ReversalResult readReversalAnswer(HttpExchange exchange, String secret, String reference,
                                             String channelReference) {
        if (exchange.failed()) {
            return ReversalResult.unknown(exchange.failureClass(), exchange.failureMessage());
        }
        if (!exchange.successful()) {
            return ReversalResult.unknown(exchange.unusableStatusClass(), "HTTP " + exchange.status());
        }
        Map<String, String> answer = verifiedFields(exchange, secret);
        if (answer == null || answer.get("code") == null) {
            return ReversalResult.unknown("INVALID_RESPONSE", "unsigned, badly signed or unreadable answer");
        }
        String echoedReference = nonBlank(answer.get("order_no"));
        String echoedCharge = nonBlank(answer.get("sup_order_no"));
        if ((echoedReference != null && !echoedReference.equals(reference))
                || (echoedCharge != null && !echoedCharge.equals(channelReference))) {
            return ReversalResult.unknown("INVALID_RESPONSE", "answer about another charge");
        }
        String code = answer.get("code");
        if (FormMd5Codes.OK.equals(code)) {
            return new ReversalResult(ReversalResult.Outcome.REVERSED, null, null);
        }
        return new ReversalResult(FormMd5Codes.reversalRefused(code) ? ReversalResult.Outcome.REFUSED
                : ReversalResult.Outcome.UNKNOWN, code, answer.get("msg"));
    }

    static StatementResult readStatementAnswer(HttpExchange exchange, String secret, LocalDate day) {
        if (exchange.failed()) {
            return StatementResult.unavailable(day, exchange.failureClass(), exchange.failureMessage());
        }
        if (!exchange.successful()) {
            return StatementResult.unavailable(day, exchange.unusableStatusClass(), "HTTP " + exchange.status());
        }
        Map<String, String> answer = verifiedFields(exchange, secret);
        if (answer == null || answer.get("code") == null) {
            return StatementResult.unavailable(day, "INVALID_RESPONSE", "unsigned, badly signed or unreadable answer");
        }
        String code = answer.get("code");
        if (!FormMd5Codes.OK.equals(code)) {
            return StatementResult.unavailable(day, "REFUSED", "code " + code + ": " + answer.get("msg"));
        }
        if (!day.format(DateTimeFormatter.BASIC_ISO_DATE).equals(answer.get("bill_date"))) {
            return StatementResult.unavailable(day, "INVALID_RESPONSE", "bill of another day");
        }
        Long count = Timestamps.parseDigits(answer.get("count"));
        Long total = Timestamps.parseDigits(answer.get("total_amount"));
        if (count == null || total == null) {
            return StatementResult.unavailable(day, "INVALID_RESPONSE", "bill without count or total_amount");
        }
        String bill = answer.getOrDefault("bill", "");
        List<StatementLine> lines = new ArrayList<>();
        long sum = 0;
        for (String row : bill.isEmpty() ? new String[0] : bill.split("\n", -1)) {
            StatementLine line = billLine(row);
            if (line == null) {
                return StatementResult.unavailable(day, "INVALID_RESPONSE", "bill line " + (lines.size() + 1) + " unreadable");
            }
            lines.add(line);
            sum += line.amount();
        }
        if (lines.size() != count || sum != total) {
            return StatementResult.unavailable(day, "INVALID_RESPONSE", "bill lines do not add up to count and total_amount");
        }
        return StatementResult.of(day, lines);
    }

    /** {@code order_no,sup_order_no,amount,charge_time} (epoch seconds), else null. */
    private static StatementLine billLine(String row) {
        String[] fields = row.split(",", -1);
        if (fields.length != 4) {
            return null;
        }
        String reference = nonBlank(fields[0]);
        String supplierOrder = nonBlank(fields[1]);
        Long amount = Timestamps.parseDigits(fields[2]);
        Long seconds = Timestamps.parseDigits(fields[3]);
        if (reference == null || supplierOrder == null || amount == null || seconds == null) {
            return null;
        }
        return new StatementLine(reference, supplierOrder, amount, Instant.ofEpochSecond(seconds));
    }

    static ChannelCallback readCallback(String secret, byte[] body, long nowMillis) throws InvalidChannelCallback {
        Map<String, String> params;
        try {
            params = FormEncoding.decode(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new InvalidChannelCallback("INVALID_CALLBACK", "unreadable form: " + e.getMessage());
        }
        SignatureCheck check = FormMd5Signature.checkSignedRecently(params, secret, nowMillis);
        if (!check.valid()) {
            throw new InvalidChannelCallback("BAD_SIGNATURE", "callback sign: " + check);
        }
        String reference = nonBlank(params.get("order_no"));
        String supplierOrder = nonBlank(params.get("sup_order_no"));
        String status = params.get("status");
        String amountText = nonBlank(params.get("amount"));
        Long amount = Timestamps.parseDigits(amountText);
        if (reference == null) {
            throw new InvalidChannelCallback("INVALID_CALLBACK", "order_no missing");
        }
        if (amountText != null && amount == null) {
            throw new InvalidChannelCallback("INVALID_CALLBACK", "amount is not a whole number of fen");
        }
        if (FormMd5Codes.STATUS_SUCCEEDED.equals(status)) {
            if (supplierOrder == null) {
                throw new InvalidChannelCallback("INVALID_CALLBACK", "sup_order_no missing on success");
            }
            return new ChannelCallback(reference, supplierOrder, ChannelStatus.SUCCEEDED, amount, null, null);
        }
        if (FormMd5Codes.STATUS_FAILED.equals(status)) {
            String errCode = nonBlank(params.get("err_code"));
            return new ChannelCallback(reference, supplierOrder, ChannelStatus.FAILED, amount,
                    FormMd5Codes.failureClass(errCode), errCode);
        }
        throw new InvalidChannelCallback("INVALID_CALLBACK", "status must be 2 or 9");
    }

    /** The answer's scalar fields when it is a JSON object with a valid sign, else null. */
    private static Map<String, String> verifiedFields(HttpExchange exchange, String secret) {
        JsonNode object = ProtocolJson.object(exchange.body());
        if (object == null) {
            return null;
        }
        Map<String, String> fields = ProtocolJson.scalars(object);
        return FormMd5Signature.checkSignature(fields, secret).valid() ? fields : null;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
