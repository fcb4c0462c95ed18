package com.topup.fuzz;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Generators of JSON text: awkward constants, any string, any number, nested arrays and objects. */
final class JsonValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> AWKWARD = List.of(
            "null", "true", "false", "0", "-0", "-1", "1.5", "1e309", "-1e309", "9223372036854775808",
            "-9223372036854775809", "[]", "{}", "[[[[[]]]]]", "\"\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"",
            "\"\\u202e13800138000\"", "\"１３８００１３８０００\"", "\"' or 1=1 --\"", "\"<script>\"", "\"%00\"",
            "\"𝟙𝟛𝟠\"", "\"null\"", "\"NaN\"");

    private JsonValues() {
    }

    static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any string of the whole Unicode range, quoted as JSON. */
    static Gen<String> anyString(int maxLength) {
        return strings().allPossible().ofLengthBetween(0, maxLength).map(JsonValues::quoted);
    }

    /** A JSON value of any kind, nested at most {@code depth} deep. */
    static Gen<String> any(int depth) {
        Gen<String> scalar = Generate.oneOf(Generate.pick(AWKWARD), anyString(40),
                longs().all().map(n -> String.valueOf(n)), integers().between(-100_000, 100_000).map(n -> String.valueOf(n)));
        if (depth == 0) {
            return scalar;
        }
        Gen<String> array = lists().of(any(depth - 1)).ofSizeBetween(0, 4)
                .map(items -> "[" + String.join(",", items) + "]");
        Gen<String> object = lists()
                .of(anyString(12).zip(any(depth - 1), (k, v) -> k + ":" + v)).ofSizeBetween(0, 4)
                .map(pairs -> "{" + String.join(",", pairs) + "}");
        return Generate.frequency(List.of(
                Pair.of(6, scalar), Pair.of(2, array),
                Pair.of(2, object)));
    }

    /** A JSON object whose keys come mostly from {@code fields} and whose values are anything. */
    static Gen<String> objectOver(List<String> fields) {
        Gen<String> key = Generate.oneOf(Generate.pick(fields).map(JsonValues::quoted), anyString(10));
        return lists().of(key.zip(any(2), (k, v) -> k + ":" + v))
                .ofSizeBetween(0, fields.size() + 2).map(pairs -> "{" + String.join(",", pairs) + "}");
    }
}
