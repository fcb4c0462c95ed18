package com.topup.instruction;

import com.fasterxml.jackson.databind.JsonNode;
import com.topup.order.OrderRequestParser;
import com.topup.web.ApiException;
import java.util.Map;
import java.util.regex.Pattern;

/** Validates the bodies of the instruction endpoints, refusing anything malformed with the contract's codes. */
final class InstructionRequestParser {

    /** CONTRACT §1: longer texts are refused. */
    static final int MAX_TEXT_LENGTH = 4_000;
    static final int MAX_NOTIFY_URL_LENGTH = 1_024;
    static final int MAX_MERCHANT_ORDER_ID = 64;
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_-]+");

    private InstructionRequestParser() {
    }

    static InstructionRequest instruction(JsonNode body) {
        requireObject(body);
        JsonNode text = body.get("text");
        if (text == null || text.isNull()) {
            throw invalid("text", "text is required");
        }
        if (!text.isTextual()) {
            throw invalid("text", "text must be a string");
        }
        String value = text.textValue();
        if (value.isBlank()) {
            throw invalid("text", "text is empty");
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new ApiException(400, "INVALID_REQUEST", "text must be at most " + MAX_TEXT_LENGTH + " characters",
                    Map.of("field", "text", "length", value.length(), "maxLength", MAX_TEXT_LENGTH));
        }
        int bad = firstControlOrBrokenCharacter(value);
        if (bad >= 0) {
            throw new ApiException(400, "INVALID_REQUEST", "text contains a control character or a broken surrogate pair",
                    Map.of("field", "text", "position", bad));
        }
        return new InstructionRequest(value, notifyUrl(body.get("notifyUrl")));
    }

    /** The prefix of a confirm body; whether it leaves room for the item numbers is checked once they are known. */
    static String merchantOrderIdPrefix(JsonNode body) {
        requireObject(body);
        JsonNode prefix = body.get("merchantOrderIdPrefix");
        if (prefix == null || prefix.isNull()) {
            throw invalid("merchantOrderIdPrefix", "merchantOrderIdPrefix is required");
        }
        if (!prefix.isTextual() || !PREFIX.matcher(prefix.textValue()).matches()
                || prefix.textValue().length() > MAX_MERCHANT_ORDER_ID - 2) {
            throw invalid("merchantOrderIdPrefix", "merchantOrderIdPrefix must be 1 to " + (MAX_MERCHANT_ORDER_ID - 2)
                    + " characters of [A-Za-z0-9_-]");
        }
        return prefix.textValue();
    }

    /** Refuses a prefix too long for its last merchant order id ({@code prefix-N}) to fit 64 characters. */
    static void requireRoomFor(String prefix, int items) {
        int longest = prefix.length() + 1 + Integer.toString(items).length();
        if (longest > MAX_MERCHANT_ORDER_ID) {
            throw new ApiException(400, "INVALID_REQUEST", "merchantOrderIdPrefix is too long for " + items
                    + " orders: " + prefix + "-" + items + " would exceed " + MAX_MERCHANT_ORDER_ID + " characters",
                    Map.of("field", "merchantOrderIdPrefix"));
        }
    }

    /** Index of the first C0/C1 control character other than tab and line breaks, or of a lone surrogate; -1. */
    static int firstControlOrBrokenCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String notifyUrl(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.textValue().length() > MAX_NOTIFY_URL_LENGTH) {
            throw invalid("notifyUrl", "notifyUrl must be a string of at most " + MAX_NOTIFY_URL_LENGTH + " characters");
        }
        if (!OrderRequestParser.isHttpUrl(value.textValue())) {
            throw new ApiException(422, "INVALID_NOTIFY_URL", "notifyUrl must be an absolute http or https URL",
                    Map.of("field", "notifyUrl"));
        }
        return value.textValue();
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiException(400, "INVALID_REQUEST", "The body must be a JSON object");
        }
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(400, "INVALID_REQUEST", message, Map.of("field", field));
    }
}
