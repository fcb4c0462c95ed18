package com.topup.channel.dispatch;

import com.topup.channel.ChannelDefinition;
import com.topup.channel.ChannelDirectory;
import com.topup.channel.adapter.ChannelAdapter;
import com.topup.channel.adapter.ChannelAdapters;
import com.topup.channel.adapter.ChannelCallback;
import com.topup.channel.adapter.ChannelStatus;
import com.topup.channel.adapter.InvalidChannelCallback;
import com.topup.common.db.Sql;
import com.topup.rules.RulesNotLoaded;
import com.topup.rules.RulesReadiness;
import com.topup.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * A channel's callback: verified with the channel's secret, applied once (a repeat is acknowledged and changes
 * nothing), and every callback — applied, repeated or refused — written to channel_callback (one that is applied in
 * the transaction that applies it).
 */
@ApplicationScoped
public class ChannelCallbackService {

    private final ChannelDirectory directory;
    private final ChannelAdapters adapters;
    private final AttemptOutcomes outcomes;
    private final Sql sql;
    private final MeterRegistry metrics;
    private final RulesReadiness rules;

    public ChannelCallbackService(ChannelDirectory directory, ChannelAdapters adapters,
                                  AttemptOutcomes outcomes, Sql sql, MeterRegistry metrics, RulesReadiness rules) {
        this.directory = directory;
        this.adapters = adapters;
        this.outcomes = outcomes;
        this.sql = sql;
        this.metrics = metrics;
        this.rules = rules;
    }

    /** @return the acknowledgement the channel's protocol expects. */
    public ChannelAdapter.CallbackAck receive(String channelCode, Map<String, String> headers, byte[] body) {
        Instant receivedAt = Instant.now();
        ChannelDefinition channel = directory.find(channelCode).orElse(null);
        if (channel == null) {
            log(receivedAt, channelCode, null, null, "UNKNOWN_CHANNEL", null);
            throw new ApiException(404, "CHANNEL_NOT_FOUND", "No channel " + channelCode);
        }
        ChannelAdapter adapter = adapters.forProtocol(channel.protocol());
        ChannelCallback callback;
        try {
            callback = adapter.parseCallback(channel.endpoint(), headers, body);
        } catch (InvalidChannelCallback e) {
            log(receivedAt, channelCode, null, null, e.code(), e.getMessage());
            throw new ApiException("BAD_SIGNATURE".equals(e.code()) ? 401 : 400, e.code(), e.getMessage());
        }
        if (callback.status() != ChannelStatus.SUCCEEDED && callback.status() != ChannelStatus.FAILED) {
            log(receivedAt, channelCode, callback.reference(), String.valueOf(callback.status()), "INVALID_CALLBACK", "not a final status");
            throw new ApiException(400, "INVALID_CALLBACK", "A callback must report SUCCEEDED or FAILED");
        }
        try {
            rules.requireReady();
        } catch (RulesNotLoaded startingUp) {
            // 503: the supplier sends it again (or the status query finds it) once this instance can decide
            log(receivedAt, channelCode, callback.reference(), callback.status().name(), startingUp.code(), startingUp.getMessage());
            throw startingUp;
        }
        ReportResult result = applied(receivedAt, channelCode, callback);
        if (result == ReportResult.UNKNOWN_ATTEMPT) {
            throw new ApiException(404, "ORDER_NOT_FOUND", "No attempt " + callback.reference() + " on channel " + channelCode);
        }
        return adapter.acknowledgement();
    }

    /** The report and its line in channel_callback commit together. */
    @Transactional
    ReportResult applied(Instant receivedAt, String channelCode, ChannelCallback callback) {
        ReportResult result = outcomes.reported(new AttemptReport(callback.reference(), channelCode, callback.status(),
                callback.channelReference(), callback.amount(), callback.errorClass(), callback.errorCode(),
                ReportSource.CALLBACK));
        log(receivedAt, channelCode, callback.reference(), callback.status().name(), result.name(), null);
        return result;
    }

    private void log(Instant receivedAt, String channelCode, String reference, String status, String outcome, String detail) {
        metrics.counter("topup_channel_callbacks_total", "outcome", outcome).increment();
        sql.update("""
                insert into channel_callback (channel_code, reference, status, outcome, detail, received_at)
                values (?, ?, ?, ?, ?, ?)""", channelCode, reference, status, outcome, detail, receivedAt);
    }
}
