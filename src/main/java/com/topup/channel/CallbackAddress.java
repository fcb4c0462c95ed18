package com.topup.channel;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;

/** Where channels post their results for us: the configured public address, or this instance's own HTTP address. */
@ApplicationScoped
public class CallbackAddress {

    private final ChannelConfig config;
    private volatile String ownBaseUrl;

    public CallbackAddress(ChannelConfig config) {
        this.config = config;
    }

    void httpStarted(@Observes HttpServerStart start) {
        String host = start.options().getHost();
        if (host == null || host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        ownBaseUrl = "http://" + host + ":" + start.options().getPort();
    }

    /** This instance's own base URL (for the simulator's channels); null until the HTTP server listens. */
    public String ownBaseUrl() {
        return ownBaseUrl;
    }

    public URI forChannel(String channelCode) {
        String base = config.publicBaseUrl().orElse(ownBaseUrl);
        if (base == null) {
            throw new IllegalStateException("HTTP server not started yet and topup.channel.public-base-url not set");
        }
        return URI.create(base.replaceAll("/+$", "") + "/callbacks/channels/" + channelCode);
    }
}
