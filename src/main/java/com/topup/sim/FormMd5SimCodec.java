package com.topup.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.channel.adapter.FormEncoding;
import com.topup.channel.adapter.FormMd5Adapter;
import com.topup.channel.adapter.FormMd5Codes;
import com.topup.channel.adapter.FormMd5Signature;
import com.topup.channel.adapter.StatementLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The supplier side of form-md5: signed form requests in, signed JSON answers with string values, form callbacks. The
 * messages are described on {@link FormMd5Adapter}.
 */
final class FormMd5SimCodec implements SimProtocolCodec {

    static final String FAILURE_CODE = "5001";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String protocol() {
        return FormMd5Adapter.PROTOCOL;
    }

    @Override
    public String failureCode() {
        return FAILURE_CODE;
    }

    @Override
    public String submitOperation() {
        return "recharge";
    }

    @Override
    public String reversalOperation() {
        return "reverse";
    }

    @Override
    public String statementOperation() {
        return "bill";
    }

    @Override
    public SimRequest<SimSubmit> readSubmit(String secret, Map<String, String> headers, byte[] body, long nowMillis) {
        Map<String, String> params = verified(secret, body, nowMillis);
        if (params == null) {
            return SimRequest.refused(code(secret, FormMd5Codes.BAD_SIGN, "sign error", nowMillis));
        }
        String reference = params.get("order_no");
        String mobile = params.get("mobile");
        String amount = params.get("amount");
        if (blank(reference) || blank(mobile) || blank(amount) || !amount.matches("[1-9][0-9]{0,12}")) {
            return SimRequest.refused(code(secret, FormMd5Codes.BAD_PARAMETER, "bad parameter", nowMillis));
        }
        return SimRequest.of(new SimSubmit(reference, mobile, params.get("carrier"), Long.parseLong(amount),
                params.get("notify_url")));
    }

    @Override
    public SimRequest<String> readQuery(String secret, Map<String, String> headers, byte[] body, long nowMillis) {
        Map<String, String> params = verified(secret, body, nowMillis);
        if (params == null) {
            return SimRequest.refused(code(secret, FormMd5Codes.BAD_SIGN, "sign error", nowMillis));
        }
        String reference = params.get("order_no");
        if (blank(reference)) {
            return SimRequest.refused(code(secret, FormMd5Codes.BAD_PARAMETER, "order_no missing", nowMillis));
        }
        return SimRequest.of(reference);
    }

    @Override
    public SimRequest<SimReversal> readReversal(String secret, Map<String, String> headers, byte[] body, long nowMillis) {
        Map<String, String> params = verified(secret, body, nowMillis);
        if (params == null) {
            return SimRequest.refused(code(secret, FormMd5Codes.BAD_SIGN, "sign error", nowMillis));
        }
        String reference = params.get("order_no");
        String supplierOrder = params.get("sup_order_no");
        String amount = params.get("amount");
        if (blank(reference) || blank(supplierOrder) || blank(amount) || !amount.matches("[1-9][0-9]{0,12}")) {
            return SimRequest.refused(code(secret, FormMd5Codes.BAD_PARAMETER, "bad parameter", nowMillis));
        }
        return SimRequest.of(new SimReversal(reference, supplierOrder, Long.parseLong(amount)));
    }

    @Override
    public SimMessage reversal(String secret, SimReversal request, SimReversal.Verdict verdict, long nowMillis) {
        Map<String, String> fields = switch (verdict) {
            case REVERSED -> fields(FormMd5Codes.OK, "reversed");
            case ORDER_NOT_FOUND -> fields(FormMd5Codes.ORDER_NOT_FOUND, "no such order");
            case NOT_CHARGED -> fields(FormMd5Codes.NOT_CHARGED, "not charged");
            case ORDER_PROCESSING -> fields(FormMd5Codes.ORDER_PROCESSING, "order processing");
            case AMOUNT_MISMATCH -> fields(FormMd5Codes.REVERSAL_AMOUNT_MISMATCH, "amount differs from the charge");
            case REFUSED -> fields(FormMd5Codes.REVERSAL_REFUSED, "recharge used, cannot reverse");
        };
        fields.put("order_no", request.reference());
        fields.put("sup_order_no", request.channelReference());
        return answer(secret, fields);
    }

    @Override
    public SimRequest<LocalDate> readStatement(String secret, Map<String, String> headers, byte[] body, long nowMillis) {
        Map<String, String> params = verified(secret, body, nowMillis);
        if (params == null) {
            return SimRequest.refused(code(secret, FormMd5Codes.BAD_SIGN, "sign error", nowMillis));
        }
        String date = params.get("bill_date");
        try {
            return SimRequest.of(LocalDate.parse(date == null ? "" : date, DateTimeFormatter.BASIC_ISO_DATE));
        } catch (DateTimeParseException e) {
            return SimRequest.refused(code(secret, FormMd5Codes.BAD_PARAMETER, "bad bill_date", nowMillis));
        }
    }

    @Override
    public SimMessage statement(String secret, LocalDate day, List<StatementLine> lines, long nowMillis) {
        StringBuilder bill = new StringBuilder(lines.size() * 64);
        long total = 0;
        for (StatementLine line : lines) {
            if (!bill.isEmpty()) {
                bill.append('\n');
            }
            bill.append(line.reference()).append(',').append(line.channelReference()).append(',')
                    .append(line.amount()).append(',').append(line.chargedAt().getEpochSecond());
            total += line.amount();
        }
        Map<String, String> fields = fields(FormMd5Codes.OK, "ok");
        fields.put("bill_date", day.format(DateTimeFormatter.BASIC_ISO_DATE));
        fields.put("count", Integer.toString(lines.size()));
        fields.put("total_amount", Long.toString(total));
        fields.put("bill", bill.toString());
        return answer(secret, fields);
    }

    @Override
    public SimMessage accepted(String secret, String channelReference, long nowMillis) {
        Map<String, String> fields = fields(FormMd5Codes.OK, "ok");
        fields.put("sup_order_no", channelReference);
        return answer(secret, fields);
    }

    @Override
    public SimMessage refused(String secret, OrderFate.Immediate reason, long nowMillis) {
        return switch (reason) {
            case OUT_OF_STOCK -> code(secret, FormMd5Codes.OUT_OF_STOCK, "out of stock", nowMillis);
            case CARRIER_NOT_SERVED -> code(secret, FormMd5Codes.NUMBER_NOT_SERVED, "number not served", nowMillis);
            default -> code(secret, FormMd5Codes.MAINTENANCE, "order refused", nowMillis);
        };
    }

    @Override
    public SimMessage status(String secret, String reference, SimOrder.View order, long nowMillis) {
        Map<String, String> fields = fields(FormMd5Codes.OK, "ok");
        fields.put("order_no", reference);
        if (order == null) {
            fields.put("status", FormMd5Codes.STATUS_NOT_FOUND);
            return answer(secret, fields);
        }
        fields.put("sup_order_no", order.channelReference());
        fields.put("status", switch (order.status()) {
            case PROCESSING -> FormMd5Codes.STATUS_PROCESSING;
            case SUCCEEDED -> FormMd5Codes.STATUS_SUCCEEDED;
            case FAILED -> FormMd5Codes.STATUS_FAILED;
        });
        if (order.status() != SimOrder.Status.PROCESSING) {
            fields.put("amount", Long.toString(order.amount()));
        }
        if (order.errorCode() != null) {
            fields.put("err_code", order.errorCode());
        }
        return answer(secret, fields);
    }

    @Override
    public SimMessage queryFailed(String secret, long nowMillis) {
        return code(secret, FormMd5Codes.INTERNAL_ERROR, "system busy", nowMillis);
    }

    @Override
    public SimMessage callback(String secret, SimOrder.View order, String channelReference, long nowMillis) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("order_no", order.reference());
        params.put("sup_order_no", channelReference);
        params.put("status", order.status() == SimOrder.Status.SUCCEEDED ? FormMd5Codes.STATUS_SUCCEEDED : FormMd5Codes.STATUS_FAILED);
        params.put("amount", Long.toString(order.amount()));
        if (order.errorCode() != null) {
            params.put("err_code", order.errorCode());
        }
        params.put(FormMd5Signature.TIMESTAMP, Long.toString(nowMillis / 1000));
        byte[] body = FormEncoding.encode(FormMd5Signature.signed(params, secret)).getBytes(StandardCharsets.UTF_8);
        return new SimMessage(0, FormEncoding.MEDIA_TYPE, Map.of(), body);
    }

    @Override
    public boolean acknowledges(int status, String body) {
        return status >= 200 && status < 300 && body != null && "success".equalsIgnoreCase(body.trim());
    }

    private static Map<String, String> verified(String secret, byte[] body, long nowMillis) {
        try {
            Map<String, String> params = FormEncoding.decode(new String(body, StandardCharsets.UTF_8));
            return FormMd5Signature.checkSignedRecently(params, secret, nowMillis).valid() ? params : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static SimMessage code(String secret, String code, String message, long nowMillis) {
        return answer(secret, fields(code, message));
    }

    private static Map<String, String> fields(String code, String message) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("msg", message);
        return fields;
    }

    private static SimMessage answer(String secret, Map<String, String> fields) {
        try {
            return new SimMessage(200, "application/json", Map.of(),
                    JSON.writeValueAsBytes(FormMd5Signature.signed(fields, secret)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
