package com.topup.channel.adapter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;

/**
 * The json-hmac protocol. Requests: {@code POST {baseUrl}/topup} with
 * {@code {"reference","phone","carrier","faceValue","callbackUrl"}} and {@code POST {baseUrl}/query} with
 * {@code {"reference"}}; answers and callbacks are JSON signed with {@link JsonHmacSignature} both ways, and an
 * answer that is not signed is no answer (INVALID_RESPONSE). Callbacks are acknowledged with {@code {"ok":true}}.
 */
@ApplicationScoped
public class JsonHmacAdapter implements ChannelAdapter {

    public static final String PROTOCOL = "json-hmac";
    private static final CallbackAck ACK = new CallbackAck("application/json", "{\"ok\":true}");

    private final ChannelHttp http;
    private final Clock clock;

    @Inject
    public JsonHmacAdapter(ChannelHttp http) {
        this(http, Clock.systemUTC());
    }

    JsonHmacAdapter(ChannelHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public SubmitResult submit(ChannelEndpoint channel, SubmitRequest request) {
        byte[] body = JsonHmacMessages.submitBody(request);
        HttpExchange exchange = post(channel, "topup", body);
        return JsonHmacMessages.readSubmitAnswer(exchange, channel.secret(), clock.millis());
    }

    @Override
    public StatusResult query(ChannelEndpoint channel, String reference) {
        HttpExchange exchange = post(channel, "query", JsonHmacMessages.queryBody(reference));
        return JsonHmacMessages.readQueryAnswer(exchange, channel.secret(), clock.millis(), reference);
    }

    @Override
    public ChannelCallback parseCallback(ChannelEndpoint channel, Map<String, String> headers, byte[] body)
            throws InvalidChannelCallback {
        return JsonHmacMessages.readCallback(channel.secret(), headers, body, clock.millis());
    }

    @Override
    public CallbackAck acknowledgement() {
        return ACK;
    }

    private HttpExchange post(ChannelEndpoint channel, String operation, byte[] body) {
        Map<String, String> headers = JsonHmacMessages.signedHeaders(channel.secret(), body, clock.millis());
        return http.post(ChannelUrls.resolve(channel.baseUrl(), operation), "application/json", headers, body,
                channel.timeout());
    }
}
