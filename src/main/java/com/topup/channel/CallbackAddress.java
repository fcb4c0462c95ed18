package com.topup.channel;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where channels post their results for us: the configured public address, or this instance's own HTTP address. */
@ApplicationScoped
public class CallbackAddress {

    private final ChannelConfig config;
    private volatile String ownBaseUrl;

    public CallbackAddress(ChannelConfig config,
                           @ConfigProperty(name = "quarkus.http.host", defaultValue = "127.0.0.1") String host,
                           @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port,
                           @ConfigProperty(name = "quarkus.http.test-port", defaultValue = "8081") int testPort) {
        this.config = config;
        this.ownBaseUrl = baseUrl(host, LaunchMode.current() == LaunchMode.TEST ? testPort : port);
    }

    /** The listening port is only certain once the server listens (it may have been chosen at random). */
    void httpStarted(@ObservesAsync HttpServerStart start) {
        ownBaseUrl = baseUrl(start.options().getHost(), start.options().getPort());
    }

    private static String baseUrl(String host, int port) {
        String reachable = host == null || host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return "http://" + reachable + ":" + port;
    }

    /** This instance's own base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String ownBaseUrl() {
        return ownBaseUrl;
    }

    public URI forChannel(String channelCode) {
        String base = config.publicBaseUrl().orElse(ownBaseUrl);
        return URI.create(base.replaceAll("/+$", "") + "/callbacks/channels/" + channelCode);
    }
}
