package com.topup.common;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small ordered maps of named values for details in JSON: {@code of("channel", code, "queries", 3)}; nulls left out. */
public final class NamedValues {

    private NamedValues() {
    }

    public static Map<String, Object> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must pair up");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                values.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return values;
    }
}
