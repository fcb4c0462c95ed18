package com.topup.bench;

import com.topup.merchant.RequestSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signed merchant API calls (HMAC-SHA256 over method, path, timestamp, nonce and body hash); given several instances'
 * addresses it sends each request to the next one, as a round-robin balancer in front of them would.
 */
final class SignedMerchantClient {

    static final String DEMO_MERCHANT = "demo-merchant";
    static final String DEMO_SECRET = "demo-merchant-secret";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> appUrls;
    private final AtomicLong requests = new AtomicLong();
    private final String merchant;
    private final byte[] secret;

    SignedMerchantClient(String appUrl, String merchant, String secret) {
        this(List.of(appUrl), merchant, secret);
    }

    SignedMerchantClient(List<String> appUrls, String merchant, String secret) {
        this.appUrls = List.copyOf(appUrls);
        this.merchant = merchant;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    static SignedMerchantClient demo(String appUrl) {
        return new SignedMerchantClient(appUrl, DEMO_MERCHANT, DEMO_SECRET);
    }

    static SignedMerchantClient demo(List<String> appUrls) {
        return new SignedMerchantClient(appUrls, DEMO_MERCHANT, DEMO_SECRET);
    }

    CompletableFuture<HttpResponse<String>> post(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(System.currentTimeMillis());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String signature = RequestSignature.sign(secret, RequestSignature.canonical("POST", path, timestamp, nonce, body));
        String appUrl = appUrls.get((int) (requests.getAndIncrement() % appUrls.size()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(appUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("X-Merchant-Id", merchant)
                .header("X-Timestamp", timestamp)
                .header("X-Nonce", nonce)
                .header("X-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
