package com.topup.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a JSON request body taken as text. Endpoints that take their body this way accept any Content-Type, so a
 * request without a token is refused 401 before anything about its body is looked at.
 */
@ApplicationScoped
public class JsonBodies {

    private final ObjectMapper json;

    public JsonBodies(ObjectMapper json) {
        this.json = json;
    }

    /** The body as {@code type}, or null when there is none; 400 INVALID_REQUEST when it is not such JSON. */
    public <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "INVALID_REQUEST", "The body is not the expected JSON: " + e.getOriginalMessage());
        }
    }

    /** A raw body (the merchant API's, whose signature covers its bytes) as a JSON tree; 400 INVALID_REQUEST otherwise. */
    public JsonNode tree(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ApiException(400, "INVALID_REQUEST", "Request body is empty");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ApiException(400, "INVALID_REQUEST", "Request body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "INVALID_REQUEST", "Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(400, "INVALID_REQUEST", "Unreadable body");
        }
    }
}
