package com.topup.fuzz;

import static com.topup.fuzz.JsonValues.quoted;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.topup.merchant.RequestSignature;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generated merchant API requests of one merchant. Signing happens as a request is generated, with a fresh
 * timestamp and nonce, so a shrunk example is sent the way the original was.
 */
final class MerchantInputs {

    static final String ORDERS = "/api/v1/orders";
    static final String BATCH = "/api/v1/orders/batch";
    static final List<String> PATHS = List.of(ORDERS, BATCH, "/api/v1/balance", "/api/v1/carriers/lookup?phone=13800138000",
            "/api/v1/orders/T1", "/api/v1/instructions");
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    /** What the contract refuses, per field (JSON text); {@code null} stands for the field left out. */
    private static final Map<String, List<String>> REFUSED = Map.of(
            "merchantOrderId", Arrays.asList(null, "\"\"", "\" \"", "\"a b\"", quoted("x".repeat(65)), "\"订单-1\"",
                    "\"A/1\"", "\"A\\u0000\"", "null", "123", "[]", "{}", "true", "\"A-1\\n\""),
            "phone", Arrays.asList(null, "\"\"", "\"1380013800\"", "\"138001380001\"", "\"23800138000\"", "\"abc\"",
                    "\"10086\"", "null", "13800138000", "[]", quoted("1".repeat(1000)), "\"+1 202 555 0100\"",
                    "\"+86 138 0013 800\"", "\"13800138000x\""),
            "faceValue", Arrays.asList(null, "0", "-1000", "1001", "999999999", "1.5", "\"1000\"", "null", "true",
                    "[]", "9223372036854775808", "{}"),
            "notifyUrl", List.of("\"ftp://x.example/cb\"", "\"notaurl\"", "\"javascript:alert(1)\"", "\"http://\"",
                    quoted("https://" + "a".repeat(3000) + ".example/cb"), "12", "[]", "\"http://exa mple.com\"", "{}"));

    private final String merchant;
    private final byte[] secret;

    MerchantInputs(String merchant, String secret) {
        this.merchant = merchant;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** An order whose body breaks the contract in one to three fields, signed as it should be. */
    Gen<FuzzRequest> invalidOrders() {
        Gen<Pair<String, String>> corruption = Generate.pick(List.copyOf(new TreeSet<>(REFUSED.keySet())))
                .flatMap(field -> Generate.pick(REFUSED.get(field)).map(value -> Pair.of(field, value)));
        Gen<Pair<String, String>> extra = JsonValues.anyString(12).zip(JsonValues.any(1), Pair::of);
        return lists().of(corruption).ofSizeBetween(1, 3).zip(lists().of(extra).ofSizeBetween(0, 2), (broken, extras) -> {
            Map<String, String> fields = validFields();
            extras.forEach(e -> fields.putIfAbsent(e._1, e._2));
            broken.forEach(b -> {
                if (b._2 == null) {
                    fields.remove(quoted(b._1));
                } else {
                    fields.put(quoted(b._1), b._2);
                }
            });
            String body = object(fields);
            String what = "order with " + broken.stream().map(b -> b._1 + "=" + (b._2 == null ? "(left out)" : abbreviate(b._2)))
                    .collect(Collectors.joining(", "));
            return signed("POST", ORDERS, body.getBytes(StandardCharsets.UTF_8), what);
        });
    }

    /** A valid order whose authentication is broken in one way: each must be refused and charge nothing. */
    Gen<FuzzRequest> badlySigned() {
        return Generate.enumValues(BrokenAuth.class).zip(integers().between(1, 1_000_000), (broken, n) -> {
            byte[] body = object(validFields()).getBytes(StandardCharsets.UTF_8);
            FuzzRequest good = signed("POST", ORDERS, body, "valid");
            return broken.apply(good, n, this);
        });
    }

    /** Anything on any merchant path: random JSON or bytes, signed right, signed wrong, or not signed. */
    Gen<FuzzRequest> garbage() {
        Gen<byte[]> json = JsonValues.any(3).map(text -> text.getBytes(StandardCharsets.UTF_8));
        Gen<byte[]> orderish = JsonValues.objectOver(List.of("merchantOrderId", "phone", "faceValue", "notifyUrl", "orders",
                "text", "merchantOrderIdPrefix")).map(text -> text.getBytes(StandardCharsets.UTF_8));
        Gen<byte[]> bytes = Generate.byteArrays(integers().between(0, 300), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
        Gen<byte[]> body = Generate.oneOf(json, orderish, bytes);
        return Generate.pick(PATHS).zip(body, Generate.pick(List.of("signed", "unsigned", "wrong secret")), (path, raw, how) -> {
            String method = path.startsWith("/api/v1/orders/T") || path.startsWith("/api/v1/balance")
                    || path.startsWith("/api/v1/carriers") ? "GET" : "POST";
            byte[] sent = method.equals("GET") ? new byte[0] : raw;
            FuzzRequest request = signed(method, path, sent, how + " garbage");
            return switch (how) {
                case "unsigned" -> new FuzzRequest(method, path, Map.of("Content-Type", "application/json"), sent, request.what());
                case "wrong secret" -> BrokenAuth.WRONG_SECRET.apply(request, 1, this);
                default -> request;
            };
        });
    }

    String merchant() {
        return merchant;
    }

    FuzzRequest signed(String method, String path, byte[] body, String what) {
        return signedAs(merchant, secret, method, path, body, Long.toString(System.currentTimeMillis()), nonce(), what);
    }

    static FuzzRequest signedAs(String merchant, byte[] secret, String method, String path, byte[] body, String timestamp,
                                String nonce, String what) {
        String signature = RequestSignature.sign(secret, RequestSignature.canonical(method, path, timestamp, nonce, body));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Merchant-Id", merchant);
        headers.put("X-Timestamp", timestamp);
        headers.put("X-Nonce", nonce);
        headers.put("X-Signature", signature);
        return new FuzzRequest(method, path, headers, body, what);
    }

    static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static Map<String, String> validFields() {
        long serial = SERIAL.incrementAndGet();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(quoted("merchantOrderId"), quoted("FUZZ-" + serial));
        fields.put(quoted("phone"), quoted("139" + String.format("%08d", serial % 100_000_000L)));
        fields.put(quoted("faceValue"), "1000");
        fields.put(quoted("notifyUrl"), quoted("https://merchant.example/cb"));
        return fields;
    }

    private static String object(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
    }

    static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** Ways to break a request's authentication, each refused by the contract. */
    enum BrokenAuth {
        NO_MERCHANT, NO_TIMESTAMP, NO_NONCE, NO_SIGNATURE, UNKNOWN_MERCHANT, WRONG_SECRET, STALE_TIMESTAMP,
        FUTURE_TIMESTAMP, TIMESTAMP_NOT_A_NUMBER, SHORT_NONCE, LONG_NONCE, NONCE_WITH_ODD_CHARACTERS,
        SIGNATURE_OF_ANOTHER_BODY, SIGNATURE_OF_ANOTHER_PATH, TRUNCATED_SIGNATURE, RANDOM_SIGNATURE;

        FuzzRequest apply(FuzzRequest good, int n, MerchantInputs inputs) {
            Map<String, String> headers = new LinkedHashMap<>(good.headers());
            String merchant = headers.get("X-Merchant-Id");
            byte[] body = good.body();
            long now = System.currentTimeMillis();
            String what = name().toLowerCase().replace('_', ' ');
            switch (this) {
                case NO_MERCHANT -> headers.remove("X-Merchant-Id");
                case NO_TIMESTAMP -> headers.remove("X-Timestamp");
                case NO_NONCE -> headers.remove("X-Nonce");
                case NO_SIGNATURE -> headers.remove("X-Signature");
                case UNKNOWN_MERCHANT -> {
                    return signedAs("no-such-merchant-" + n, inputs.secret, good.method(), good.path(), body,
                            Long.toString(now), nonce(), what);
                }
                case WRONG_SECRET -> {
                    return signedAs(merchant, ("wrong-" + n).getBytes(StandardCharsets.UTF_8), good.method(), good.path(),
                            body, Long.toString(now), nonce(), good.what() + ", " + what);
                }
                case STALE_TIMESTAMP -> {
                    return signedAs(merchant, inputs.secret, good.method(), good.path(), body,
                            Long.toString(now - 301_000L - n * 1000L), nonce(), what);
                }
                case FUTURE_TIMESTAMP -> {
                    return signedAs(merchant, inputs.secret, good.method(), good.path(), body,
                            Long.toString(now + 301_000L + n * 1000L), nonce(), what);
                }
                case TIMESTAMP_NOT_A_NUMBER -> {
                    return signedAs(merchant, inputs.secret, good.method(), good.path(), body, now + "x", nonce(), what);
                }
                case SHORT_NONCE -> {
                    return signedAs(merchant, inputs.secret, good.method(), good.path(), body, Long.toString(now),
                            nonce().substring(0, 1 + n % 15), what);
                }
                case LONG_NONCE -> {
                    return signedAs(merchant, inputs.secret, good.method(), good.path(), body, Long.toString(now),
                            (nonce() + nonce() + nonce()).substring(0, 65 + n % 20), what);
                }
                case NONCE_WITH_ODD_CHARACTERS -> {
                    String odd = "!@#$%^&*()+=.~ é'\"<>/\\";
                    return signedAs(merchant, inputs.secret, good.method(), good.path(), body, Long.toString(now),
                            nonce().substring(0, 20) + odd.charAt(n % odd.length()), what);
                }
                case SIGNATURE_OF_ANOTHER_BODY -> headers.put("X-Signature", signedAs(merchant, inputs.secret, good.method(),
                        good.path(), "{}".getBytes(StandardCharsets.UTF_8), headers.get("X-Timestamp"),
                        headers.get("X-Nonce"), what).headers().get("X-Signature"));
                case SIGNATURE_OF_ANOTHER_PATH -> headers.put("X-Signature", signedAs(merchant, inputs.secret, good.method(),
                        BATCH, body, headers.get("X-Timestamp"), headers.get("X-Nonce"), what).headers().get("X-Signature"));
                case TRUNCATED_SIGNATURE -> headers.put("X-Signature", headers.get("X-Signature").substring(0, 1 + n % 63));
                case RANDOM_SIGNATURE -> headers.put("X-Signature", String.format("%064x", (long) n * 2_654_435_761L));
                default -> throw new IllegalStateException();
            }
            return new FuzzRequest(good.method(), good.path(), headers, body, what);
        }
    }
}
