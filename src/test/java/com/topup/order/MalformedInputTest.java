package com.topup.order;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.support.MerchantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random, truncated, mistyped, huge and odd-Unicode bodies never produce a 5xx, and every refusal has a code. */
@QuarkusTest
class MalformedInputTest {

    private static final String[] ODD = {
            "", " ", "\u0000", "\uD83D\uDE00", "\uD800", "\u202E13800138000", "١٣٨٠٠١٣٨٠٠٠", "１３８００１３８０００",
            "13800138000\n", "null", "true", "-0", "1e309", "9".repeat(400), "%00", "' or 1=1 --", "<script>",
            "+86 138 0013 8000", "+86-138-0013-8000", "\t", "𝟙𝟛𝟠", "ö", "\\u0000"
    };
    private static final String[] VALUES = {
            "null", "true", "false", "0", "-1", "1.5", "1e3", "9223372036854775808", "-9223372036854775809",
            "[]", "{}", "[1,2,3]", "{\"a\":{\"b\":[]}}", "\"\"", "1000", "10000"
    };
    private static final String[] FIELDS = {"merchantOrderId", "phone", "faceValue", "notifyUrl", "orders", "x", ""};

    @Test
    void garbageNeverCausesAServerError() {
        Random random = new Random(20261126L);
        List<String> bodies = new ArrayList<>();
        String valid = "{\"merchantOrderId\":\"FUZZ-1\",\"phone\":\"13800138000\",\"faceValue\":1000,\"notifyUrl\":\"https://m.example/cb\"}";
        for (int cut = 0; cut < valid.length(); cut += 3) {
            bodies.add(valid.substring(0, cut));
        }
        for (int i = 0; i < 150; i++) {
            bodies.add(randomObject(random));
        }
        for (int i = 0; i < 40; i++) {
            byte[] bytes = new byte[1 + random.nextInt(200)];
            random.nextBytes(bytes);
            bodies.add(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        bodies.add("[".repeat(5000) + "]".repeat(5000));
        bodies.add("{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
        bodies.add("{\"merchantOrderId\":\"" + "é".repeat(300_000) + "\"}");
        bodies.add("{\"merchantOrderId\":\"FUZZ-2\",\"phone\":\"" + "1".repeat(100_000) + "\",\"faceValue\":1000}");
        bodies.add("\"just a string\"");
        bodies.add("12345");

        MerchantApi api = MerchantApi.demo();
        for (String body : bodies) {
            for (String path : new String[] {"/api/v1/orders", "/api/v1/orders/batch"}) {
                Response response = api.post(path, body);
                assertTrue(response.statusCode() < 500, () -> path + " answered " + response.statusCode() + " to " + abbreviate(body));
                if (response.statusCode() >= 400) {
                    assertNotNull(response.path("code"), () -> "no error code for " + abbreviate(body));
                }
            }
        }
    }

    private static String randomObject(Random random) {
        StringBuilder json = new StringBuilder("{");
        int fields = random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"').append(FIELDS[random.nextInt(FIELDS.length)]).append("\":");
            if (random.nextBoolean()) {
                json.append(VALUES[random.nextInt(VALUES.length)]);
            } else {
                json.append('"').append(ODD[random.nextInt(ODD.length)].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return json.append('}').toString();
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
