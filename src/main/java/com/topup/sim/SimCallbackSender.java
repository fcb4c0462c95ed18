package com.topup.sim;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/** Posts the simulated suppliers' callbacks, without blocking, and reports whether the platform acknowledged each. */
@ApplicationScoped
class SimCallbackSender {

    private static final Logger LOG = Logger.getLogger(SimCallbackSender.class);
    private static final long TIMEOUT_MS = 5_000;
    /** Real suppliers post callbacks over many connections at once; Vert.x would otherwise allow five per host. */
    private static final int MAX_CONNECTIONS = 64;

    private final WebClient client;

    SimCallbackSender(Vertx vertx) {
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setUserAgent("topup-supplier-simulator")
                .setFollowRedirects(false)
                .setKeepAlive(true)
                .setMaxPoolSize(MAX_CONNECTIONS)
                .setConnectTimeout((int) TIMEOUT_MS));
    }

    void post(String url, SimMessage callback, Consumer<Boolean> acknowledged, SimProtocolCodec codec) {
        HttpRequest<Buffer> request;
        try {
            request = client.postAbs(url).timeout(TIMEOUT_MS).putHeader("Content-Type", callback.contentType());
        } catch (RuntimeException e) {
            LOG.debugf("Callback URL %s unusable: %s", url, e.getMessage());
            acknowledged.accept(false);
            return;
        }
        callback.headers().forEach(request::putHeader);
        request.sendBuffer(Buffer.buffer(callback.body())).subscribe().with(
                response -> acknowledged.accept(codec.acknowledges(response.statusCode(), response.bodyAsString())),
                failure -> {
                    LOG.debugf("Callback to %s failed: %s", url, failure.toString());
                    acknowledged.accept(false);
                });
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
