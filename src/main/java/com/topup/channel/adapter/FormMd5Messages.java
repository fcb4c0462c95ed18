package com.topup.channel.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
