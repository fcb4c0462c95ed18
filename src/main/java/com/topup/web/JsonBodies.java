package com.topup.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
}
