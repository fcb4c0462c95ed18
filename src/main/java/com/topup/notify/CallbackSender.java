package com.topup.notify;

import com.topup.merchant.MerchantCredentials;
import com.topup.merchant.MerchantDirectory;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

/** POSTs one signed callback to the merchant's notifyUrl without blocking; never fails, the outcome says how it went. */
@ApplicationScoped
public class CallbackSender {

    private final MerchantDirectory merchants;
    private final NotifyConfig config;
    private final WebClient client;

    public CallbackSender(Vertx vertx, MerchantDirectory merchants, NotifyConfig config) {
        this.merchants = merchants;
        this.config = config;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setUserAgent("TopUp-Callback/1")
                .setFollowRedirects(false)
                .setConnectTimeout((int) config.timeout().toMillis()));
    }

    /** Looks up the merchant's secret (blocking, cached) on the calling thread, then sends asynchronously. */
    public Uni<AttemptOutcome> send(ClaimedNotification notification) {
        Instant at = Instant.now();
        long started = System.nanoTime();
        try {
            MerchantCredentials merchant = merchants.findByCode(notification.merchantCode())
                    .orElseThrow(() -> new IllegalStateException("Unknown merchant " + notification.merchantCode()));
            String timestamp = Long.toString(System.currentTimeMillis());
            long timeoutMillis = config.timeout().toMillis();
            return client.postAbs(notification.url())
                    .connectTimeout(timeoutMillis)
                    .idleTimeout(timeoutMillis)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Event-Id", notification.eventId())
                    .putHeader("X-Timestamp", timestamp)
                    .putHeader("X-Signature", CallbackSignature.sign(merchant.secret(), timestamp, notification.body()))
                    .as(BodyCodec.none())
                    .sendBuffer(Buffer.buffer(notification.body()))
                    .ifNoItem().after(config.timeout())
                    .failWith(() -> new TimeoutException("No answer within " + config.timeout().toMillis() + " ms"))
                    .map(response -> AttemptOutcome.answered(at, response.statusCode(), elapsedMillis(started)))
                    .onFailure().recoverWithItem(e -> AttemptOutcome.failed(at, elapsedMillis(started), e));
        } catch (RuntimeException e) {
            return Uni.createFrom().item(AttemptOutcome.failed(at, elapsedMillis(started), e));
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
