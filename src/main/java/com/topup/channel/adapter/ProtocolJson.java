package com.topup.channel.adapter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading the JSON the channels send: one object, no duplicate keys, fields read strictly by type. */
final class ProtocolJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ProtocolJson() {
    }

    /** The object in the body, or null when the body is not exactly one JSON object. */
    static JsonNode object(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("JSON serialisation failed", e);
        }
    }

    /** A non-blank text field, or null. */
    static String text(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            return null;
        }
        return node.asText();
    }

    /** Whether the field is absent or JSON null. */
    static boolean absent(JsonNode object, String field) {
        JsonNode node = object.get(field);
        return node == null || node.isNull();
    }

    /** An integral, non-negative number field (or a text of digits), or null when absent or not one. */
    static Long amount(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0) {
            return node.asLong();
        }
        return node.isTextual() ? Timestamps.parseDigits(node.asText()) : null;
    }

    /** The scalar top-level fields as text (numbers and booleans as written), for signing. */
    static Map<String, String> scalars(JsonNode object) {
        Map<String, String> fields = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                fields.put(e.getKey(), e.getValue().asText());
            }
        });
        return fields;
    }
}
