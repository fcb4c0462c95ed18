package com.topup.channel.adapter;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What one HTTP call to a channel gave: an answer (status, lower-case headers, body), or a failure class
 * (TIMEOUT or NETWORK) when no answer came.
 */
record HttpExchange(int status, Map<String, String> headers, byte[] body, String failureClass, String failureMessage,
                    long elapsedMillis, boolean connectionRefused) {

    static HttpExchange answered(int status, Map<String, String> headers, byte[] body, long elapsedMillis) {
        return new HttpExchange(status, headers, body, null, null, elapsedMillis, false);
    }

    static HttpExchange failed(String failureClass, String message, long elapsedMillis) {
        return new HttpExchange(0, Map.of(), new byte[0], failureClass, message, elapsedMillis, false);
    }

    static HttpExchange refused(String message, long elapsedMillis) {
        return new HttpExchange(0, Map.of(), new byte[0], "NETWORK", message, elapsedMillis, true);
    }

    /**
     * The channel certainly did not take the request: the connection was refused, or it answered 503 (HTTP's "not
     * processed, try later"). Unlike a timeout or a 500, moving on cannot top the phone up twice.
     */
    boolean certainlyNotProcessed() {
        return connectionRefused || (!failed() && status == 503);
    }

    boolean failed() {
        return failureClass != null;
    }

    boolean successful() {
        return !failed() && status >= 200 && status < 300;
    }

    String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Why an answer other than 2xx is no usable answer: 5xx is the channel's side failing, the rest garbage. */
    String unusableStatusClass() {
        return status >= 500 ? "NETWORK" : "INVALID_RESPONSE";
    }

    /** The submit's result when this exchange brought no answer to read; null when there is one. */
    SubmitResult submitWithoutAnswer() {
        if (certainlyNotProcessed()) {
            return SubmitResult.rejected("NETWORK", "UNAVAILABLE", failed() ? failureMessage : "HTTP " + status, elapsedMillis);
        }
        if (failed()) {
            return SubmitResult.unknown(failureClass, failureMessage, elapsedMillis);
        }
        if (!successful()) {
            return SubmitResult.unknown(unusableStatusClass(), "HTTP " + status, elapsedMillis);
        }
        return null;
    }
}
