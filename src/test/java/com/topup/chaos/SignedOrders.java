package com.topup.chaos;

import com.topup.merchant.RequestSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Signed merchant calls (demo merchant) to whichever instance the caller names. */
final class SignedOrders {

    static final String MERCHANT = "demo-merchant";
    private static final byte[] SECRET = "demo-merchant-secret".getBytes(StandardCharsets.UTF_8);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    CompletableFuture<HttpResponse<String>> place(String appUrl, String json, Duration timeout) {
        String path = "/api/v1/orders";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(System.currentTimeMillis());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String signature = RequestSignature.sign(SECRET, RequestSignature.canonical("POST", path, timestamp, nonce, body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(appUrl + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Merchant-Id", MERCHANT)
                .header("X-Timestamp", timestamp)
                .header("X-Nonce", nonce)
                .header("X-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
