package com.topup.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.topup.web.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns one JSON order object into an {@link OrderRequest}, refusing anything malformed with a precise message. */
public final class OrderRequestParser {

    static final int MAX_PHONE_LENGTH = 32;
    static final int MAX_NOTIFY_URL_LENGTH = 1024;
    private static final Pattern MERCHANT_ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private OrderRequestParser() {
    }

    public static OrderRequest parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw invalid(null, "An order must be a JSON object");
        }
        String merchantOrderId = text(node, "merchantOrderId", 64);
        if (!MERCHANT_ORDER_ID.matcher(merchantOrderId).matches()) {
            throw invalid("merchantOrderId", "merchantOrderId must be 1 to 64 characters of [A-Za-z0-9_-]");
        }
        String phone = text(node, "phone", MAX_PHONE_LENGTH);
        long faceValue = faceValue(node.get("faceValue"));
        String notifyUrl = notifyUrl(node.get("notifyUrl"));
        return new OrderRequest(merchantOrderId, phone, faceValue, notifyUrl);
    }

    private static String text(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw invalid(field, field + " is required");
        }
        if (!value.isTextual()) {
            throw invalid(field, field + " must be a string");
        }
        String text = value.textValue();
        if (text.isEmpty() || text.length() > maxLength) {
            throw invalid(field, field + " must be 1 to " + maxLength + " characters");
        }
        return text;
    }

    private static long faceValue(JsonNode value) {
        if (value == null || value.isNull()) {
            throw invalid("faceValue", "faceValue is required");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw invalid("faceValue", "faceValue must be an integer number of fen");
        }
        long fen = value.longValue();
        if (fen <= 0) {
            throw invalid("faceValue", "faceValue must be positive");
        }
        return fen;
    }

    private static String notifyUrl(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid("notifyUrl", "notifyUrl must be a string");
        }
        String url = value.textValue();
        if (url.length() > MAX_NOTIFY_URL_LENGTH) {
            throw invalid("notifyUrl", "notifyUrl must be at most " + MAX_NOTIFY_URL_LENGTH + " characters");
        }
        if (!isHttpUrl(url)) {
            throw new ApiException(422, "INVALID_NOTIFY_URL", "notifyUrl must be an absolute http or https URL",
                    Map.of("field", "notifyUrl"));
        }
        return url;
    }

    public static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(400, "INVALID_REQUEST", message, field == null ? null : Map.of("field", field));
    }
}
