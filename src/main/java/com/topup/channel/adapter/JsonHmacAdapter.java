package com.topup.channel.adapter;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * The json-hmac protocol. Requests, answers and callbacks are JSON signed with {@link JsonHmacSignature} both ways;
 * an answer that is not signed (or is signed wrongly or long ago) is no answer (INVALID_RESPONSE), as is any HTTP
 * status other than 2xx.
 * <ul>
 * <li>Top-up: {@code POST {baseUrl}/topup} {@code {"reference","phone","carrier","faceValue","callbackUrl"}} →
 * {@code {"accepted":true,"channelReference"}} or {@code {"accepted":false,"errorCode","errorClass","message"}}.</li>
 * <li>Status: {@code POST {baseUrl}/query} {@code {"reference"}} → {@code {"reference","status","channelReference",
 * "amount","errorCode","errorClass"}}, status PROCESSING, SUCCEEDED, FAILED or NOT_FOUND.</li>
 * <li>Reversal of one charge: {@code POST {baseUrl}/reverse} {@code {"reference","channelReference","amount"}}
 * (amount: the fen charged) → {@code {"reference","channelReference","reversed":true}}, also when the charge was
 * reversed before, or {@code {"reference","channelReference","reversed":false,"errorCode","message"}}: REFUSED with
 * the errorCode — ORDER_NOT_FOUND, NOT_CHARGED (no charge under that channel reference), ORDER_PROCESSING (no result
 * yet), AMOUNT_MISMATCH (amount is not the one charged) or REVERSAL_REFUSED (the supplier will not). A reversed
 * charge leaves the statement; the order's status answer does not change.</li>
 * <li>Daily statement: {@code POST {baseUrl}/statement} {@code {"date":"YYYY-MM-DD"}} (a UTC day) →
 * {@code {"date","lines":[{"reference","channelReference","amount","chargedAt"}]}}, one line per charge made that
 * day and not reversed, amount in fen, chargedAt an ISO-8601 instant. One unreadable line makes the whole statement
 * unavailable.</li>
 * <li>Callbacks: {@code {"reference","channelReference","status","amount","errorCode","errorClass"}} with status
 * SUCCEEDED or FAILED, acknowledged with {@code {"ok":true}}.</li>
 * </ul>
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
    public Uni<SubmitResult> submitAsync(ChannelEndpoint channel, SubmitRequest request) {
        byte[] body = JsonHmacMessages.submitBody(request);
        Map<String, String> headers = JsonHmacMessages.signedHeaders(channel.secret(), body, clock.millis());
        return http.send(ChannelUrls.resolve(channel.baseUrl(), "topup"), "application/json", headers, body, channel.timeout())
                .map(exchange -> JsonHmacMessages.readSubmitAnswer(exchange, channel.secret(), clock.millis()));
    }

    @Override
    public StatusResult query(ChannelEndpoint channel, String reference) {
        HttpExchange exchange = post(channel, "query", JsonHmacMessages.queryBody(reference));
        return JsonHmacMessages.readQueryAnswer(exchange, channel.secret(), clock.millis(), reference);
    }

    @Override
    public ReversalResult reverse(ChannelEndpoint channel, String reference, String channelReference, long amount) {
        HttpExchange exchange = post(channel, "reverse", JsonHmacMessages.reversalBody(reference, channelReference, amount));
        return JsonHmacMessages.readReversalAnswer(exchange, channel.secret(), clock.millis(), reference, channelReference);
    }

    @Override
    public StatementResult statement(ChannelEndpoint channel, LocalDate day) {
        HttpExchange exchange = post(channel, "statement", JsonHmacMessages.statementBody(day));
        return JsonHmacMessages.readStatementAnswer(exchange, channel.secret(), clock.millis(), day);
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
