package com.topup.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The contract's error shape: {@code {"code", "message", "details"?}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String code, String message, Map<String, Object> details) {

    public static ErrorBody of(String code, String message) {
        return new ErrorBody(code, message, null);
    }
}
