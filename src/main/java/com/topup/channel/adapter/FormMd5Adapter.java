package com.topup.channel.adapter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * The form-md5 protocol, the usual convention of Chinese recharge suppliers. Requests are form posts signed with
 * {@link FormMd5Signature}: {@code POST {baseUrl}/recharge} with {@code order_no, mobile, carrier, amount} (fen)
 * {@code , notify_url, timestamp} (epoch seconds) {@code , sign}, and {@code POST {baseUrl}/query} with
 * {@code order_no, timestamp, sign}. Answers are JSON with a {@code sign} field; their codes map as in
 * {@link FormMd5Codes}. Callbacks are form posts acknowledged with the text {@code success}.
 */
@ApplicationScoped
public class FormMd5Adapter implements ChannelAdapter {

    public static final String PROTOCOL = "form-md5";
    private static final CallbackAck ACK = new CallbackAck("text/plain", "success");

    private final ChannelHttp http;
    private final Clock clock;

    @Inject
    public FormMd5Adapter(ChannelHttp http) {
        this(http, Clock.systemUTC());
    }

    FormMd5Adapter(ChannelHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public SubmitResult submit(ChannelEndpoint channel, SubmitRequest request) {
        HttpExchange exchange = post(channel, "recharge", FormMd5Messages.submitParams(request, channel.secret(), clock.millis()));
        return FormMd5Messages.readSubmitAnswer(exchange, channel.secret());
    }

    @Override
    public StatusResult query(ChannelEndpoint channel, String reference) {
        HttpExchange exchange = post(channel, "query", FormMd5Messages.queryParams(reference, channel.secret(), clock.millis()));
        return FormMd5Messages.readQueryAnswer(exchange, channel.secret(), reference);
    }

    @Override
    public ChannelCallback parseCallback(ChannelEndpoint channel, Map<String, String> headers, byte[] body)
            throws InvalidChannelCallback {
        return FormMd5Messages.readCallback(channel.secret(), body, clock.millis());
    }

    @Override
    public CallbackAck acknowledgement() {
        return ACK;
    }

    private HttpExchange post(ChannelEndpoint channel, String operation, Map<String, String> params) {
        byte[] body = FormEncoding.encode(params).getBytes(StandardCharsets.UTF_8);
        return http.post(ChannelUrls.resolve(channel.baseUrl(), operation), FormEncoding.MEDIA_TYPE, Map.of(), body,
                channel.timeout());
    }
}
