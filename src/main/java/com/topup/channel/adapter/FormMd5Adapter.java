package com.topup.channel.adapter;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * The form-md5 protocol, the usual convention of Chinese recharge suppliers. Requests are form posts signed with
 * {@link FormMd5Signature}, each with {@code timestamp} (epoch seconds) and {@code sign}. Answers are JSON objects of
 * string values with a {@code sign} over the others, {@code code} and {@code msg} always; their codes map as in
 * {@link FormMd5Codes}. An answer that is not signed, or not 2xx, is no answer.
 * <ul>
 * <li>Top-up: {@code POST {baseUrl}/recharge} {@code order_no, mobile, carrier, amount} (fen) {@code , notify_url}
 * → {@code code, sup_order_no}.</li>
 * <li>Status: {@code POST {baseUrl}/query} {@code order_no} → {@code code, order_no, sup_order_no, status, amount,
 * err_code}.</li>
 * <li>Reversal (冲正) of one charge: {@code POST {baseUrl}/reverse} {@code order_no, sup_order_no, amount} (the fen
 * charged) → {@code code, msg, order_no, sup_order_no}: 0000 reversed (also when reversed before), 3001 and 9999 no
 * usable answer, any other code a refusal (4001 not charged under that sup_order_no, 4002 refused, 4003 amount not
 * the one charged, 4004 still processing, 1006 no such order).</li>
 * <li>Daily statement (对账单): {@code POST {baseUrl}/bill} {@code bill_date} ({@code yyyyMMdd}, a UTC day) →
 * {@code code, bill_date, count, total_amount, bill}: {@code bill} holds one line per charge made that day and not
 * reversed, lines separated by {@code 
}, each {@code order_no,sup_order_no,amount,charge_time} (fen, epoch
 * seconds). {@code count} and {@code total_amount} must match the lines, else the statement is unavailable.</li>
 * <li>Callbacks: form posts {@code order_no, sup_order_no, status} (2 or 9) {@code , amount, err_code, timestamp,
 * sign}, acknowledged with the text {@code success}.</li>
 * </ul>
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
    public Uni<SubmitResult> submitAsync(ChannelEndpoint channel, SubmitRequest request) {
        byte[] body = FormEncoding.encode(FormMd5Messages.submitParams(request, channel.secret(), clock.millis()))
                .getBytes(StandardCharsets.UTF_8);
        return http.send(ChannelUrls.resolve(channel.baseUrl(), "recharge"), FormEncoding.MEDIA_TYPE, Map.of(), body,
                        channel.timeout())
                .map(exchange -> FormMd5Messages.readSubmitAnswer(exchange, channel.secret()));
    }

    @Override
    public StatusResult query(ChannelEndpoint channel, String reference) {
        HttpExchange exchange = post(channel, "query", FormMd5Messages.queryParams(reference, channel.secret(), clock.millis()));
        return FormMd5Messages.readQueryAnswer(exchange, channel.secret(), reference);
    }

    @Override
    public ReversalResult reverse(ChannelEndpoint channel, String reference, String channelReference, long amount) {
        HttpExchange exchange = post(channel, "reverse",
                FormMd5Messages.reversalParams(reference, channelReference, amount, channel.secret(), clock.millis()));
        return FormMd5Messages.readReversalAnswer(exchange, channel.secret(), reference, channelReference);
    }

    @Override
    public StatementResult statement(ChannelEndpoint channel, LocalDate day) {
        HttpExchange exchange = post(channel, "bill", FormMd5Messages.statementParams(day, channel.secret(), clock.millis()));
        return FormMd5Messages.readStatementAnswer(exchange, channel.secret(), day);
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
