package com.topup.channel.adapter;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * POSTs to channels over the application's Vert.x WebClient, blocking or not, each bounded by a time limit. Never fails
 * for network trouble: a call that gets no answer in time is a TIMEOUT, one that cannot connect or breaks a NETWORK
 * failure.
 */
@ApplicationScoped
public class ChannelHttp {

    private static final Logger LOG = Logger.getLogger(ChannelHttp.class);

    private final WebClient client;

    @Inject
    public ChannelHttp(Vertx vertx) {
        this(WebClient.create(vertx, new WebClientOptions()
                .setUserAgent("topup-backoffice")
                .setFollowRedirects(false)
                .setKeepAlive(true)
                .setMaxPoolSize(64)
                .setConnectTimeout(5_000)));
    }

    ChannelHttp(WebClient client) {
        this.client = client;
    }

    HttpExchange post(URI url, String contentType, Map<String, String> headers, byte[] body, Duration timeout) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("Channel calls block: make them from a worker thread");
        }
        return send(url, contentType, headers, body, timeout).await().indefinitely();
    }

    /** The same POST without blocking: the exchange arrives on an event loop, and the Uni never fails. */
    Uni<HttpExchange> send(URI url, String contentType, Map<String, String> headers, byte[] body, Duration timeout) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            HttpRequest<Buffer> request = client.postAbs(url.toString())
                    .connectTimeout(timeout.toMillis())
                    .idleTimeout(timeout.toMillis())
                    .putHeader("Content-Type", contentType)
                    .putHeader("Accept", "application/json, text/plain");
            headers.forEach(request::putHeader);
            return request.sendBuffer(Buffer.buffer(body))
                    .ifNoItem().after(timeout).fail()
                    .map(response -> answered(response, started))
                    .onFailure().recoverWithItem(e -> failed(url, e, started));
        });
    }

    private static HttpExchange answered(HttpResponse<Buffer> response, long started) {
        Map<String, String> answerHeaders = new HashMap<>();
        response.headers().forEach(h -> answerHeaders.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        Buffer answer = response.body();
        return HttpExchange.answered(response.statusCode(), answerHeaders,
                answer == null ? new byte[0] : answer.getBytes(), millisSince(started));
    }

    private static HttpExchange failed(URI url, Throwable e, long started) {
        String failureClass = isTimeout(e) ? "TIMEOUT" : "NETWORK";
        LOG.debugf("POST %s failed: %s %s", url, failureClass, e);
        return isConnectionRefused(e) ? HttpExchange.refused(describe(e), millisSince(started))
                : HttpExchange.failed(failureClass, describe(e), millisSince(started));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    static boolean isConnectionRefused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException && !isTimeout(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof io.smallrye.mutiny.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
