package com.topup.support;

import static io.restassured.RestAssured.given;

import com.topup.merchant.RequestSignature;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Signs merchant API requests the way CONTRACT §1 says, over real HTTP. */
public final class MerchantApi {

    public static final String DEMO = "demo-merchant";
    public static final String DEMO_SECRET = "demo-merchant-secret";
    public static final String DEMO_2 = "demo-merchant-2";
    public static final String DEMO_2_SECRET = "demo-merchant-2-secret";

    private static final RestAssuredConfig EXACT_BYTES = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private final String merchant;
    private final String secret;

    public MerchantApi(String merchant, String secret) {
        this.merchant = merchant;
        this.secret = secret;
    }

    public String code() {
        return merchant;
    }

    public static MerchantApi demo() {
        return new MerchantApi(DEMO, DEMO_SECRET);
    }

    public Response post(String path, String body) {
        return signed("POST", path, body.getBytes(StandardCharsets.UTF_8)).post(path);
    }

    public Response get(String pathAndQuery) {
        return signed("GET", pathAndQuery, new byte[0]).get(pathAndQuery);
    }

    /** A request with valid authentication headers, ready to send. */
    public RequestSpecification signed(String method, String pathAndQuery, byte[] body) {
        String timestamp = Long.toString(System.currentTimeMillis());
        String nonce = newNonce();
        return signed(method, pathAndQuery, body, timestamp, nonce);
    }

    public RequestSpecification signed(String method, String pathAndQuery, byte[] body, String timestamp, String nonce) {
        String signature = RequestSignature.sign(secret.getBytes(StandardCharsets.UTF_8),
                RequestSignature.canonical(method, pathAndQuery, timestamp, nonce, body));
        RequestSpecification spec = given().config(EXACT_BYTES).urlEncodingEnabled(false)
                .header("X-Merchant-Id", merchant)
                .header("X-Timestamp", timestamp)
                .header("X-Nonce", nonce)
                .header("X-Signature", signature);
        if (body.length > 0) {
            spec = spec.contentType("application/json").body(body);
        }
        return spec;
    }

    public static String newNonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    public static String orderJson(String merchantOrderId, String phone, long faceValue) {
        return "{\"merchantOrderId\":\"" + merchantOrderId + "\",\"phone\":\"" + phone + "\",\"faceValue\":" + faceValue + "}";
    }

    private static final AtomicInteger PHONES = new AtomicInteger(ThreadLocalRandom.current().nextInt(10_000_000));

    /**
     * A China Mobile number no other order of this run has: the repair rules hold an order whose phone and face value
     * the merchant sent moments before, which is not what most tests are about.
     */
    public static String uniquePhone() {
        return "138" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000);
    }

    public static String uniqueOrderId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 18);
    }
}
