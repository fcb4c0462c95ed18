package com.topup.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One generated request: what is sent, and in words what was done to it (shown when a property fails). */
record FuzzRequest(String method, String path, Map<String, String> headers, byte[] body, String what) {

    @Override
    public String toString() {
        String text = new String(body, StandardCharsets.UTF_8);
        return what + " · " + method + " " + path + " " + headers.keySet() + " "
                + (text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text);
    }
}
