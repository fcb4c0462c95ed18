package com.topup.channel.dispatch;

import com.topup.channel.ChannelConfig;
import com.topup.channel.ChannelDefinition;
import com.topup.channel.ChannelDirectory;
import com.topup.channel.adapter.ChannelAdapter;
import com.topup.channel.adapter.ChannelAdapters;
import com.topup.channel.adapter.ChannelCallback;
import com.topup.channel.adapter.ChannelStatus;
import com.topup.channel.adapter.InvalidChannelCallback;
import com.topup.common.tx.GroupCommit;
import com.topup.common.work.NamedWorkerPool;
import com.topup.rules.RulesNotLoaded;
import com.topup.rules.RulesReadiness;
import com.topup.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * A channel's callback: verified with the channel's secret, applied once (a repeat is acknowledged and changes
 * nothing), and every callback — applied, repeated or refused — written to channel_callback (one that is applied in
 * the transaction that applies it). Callbacks that arrive together are applied together ({@link GroupCommit}): the
 * plain successes in one transaction ({@link SuccessesTogether}), anything else one transaction each. They are applied
 * on the {@code channel-callbacks} workers, so a request thread never waits for a group: it verifies the callback,
 * hands it in and is free; the answer goes out when the group has committed.
 */
@ApplicationScoped
public class ChannelCallbackService {

    private static final Logger LOG = Logger.getLogger(ChannelCallbackService.class);

    private final ChannelDirectory directory;
    private final ChannelAdapters adapters;
    private final AttemptOutcomes outcomes;
    private final SuccessesTogether successes;
    private final CallbackLog log;
    private final MeterRegistry metrics;
    private final RulesReadiness rules;
    private final GroupCommit<Received, ReportResult> applying;
    private final NamedWorkerPool appliers;

    public ChannelCallbackService(ChannelDirectory directory, ChannelAdapters adapters, AttemptOutcomes outcomes,
                                  SuccessesTogether successes, CallbackLog log, MeterRegistry metrics,
                                  RulesReadiness rules, ChannelConfig config, Vertx vertx) {
        this.directory = directory;
        this.adapters = adapters;
        this.outcomes = outcomes;
        this.successes = successes;
        this.log = log;
        this.metrics = metrics;
        this.rules = rules;
        this.applying = new GroupCommit<>(config.callbackGroupsAtOnce(), config.callbackGroupMax(), this::applied,
                this::appliedTogether, this::split);
        this.appliers = new NamedWorkerPool(vertx, "channel-callbacks", config.callbackGroupsAtOnce(), null);
        metrics.gauge("topup_channel_callbacks_waiting", applying, GroupCommit::waitingCount);
    }

    @PreDestroy
    void close() {
        appliers.close();
    }

    /** A verified callback's report, and when it arrived. */
    record Received(Instant at, AttemptReport report) {
    }

    /**
     * Verifies the callback and hands it in to be applied; a callback that cannot be applied is refused at once.
     *
     * @return the acknowledgement the channel's protocol expects, once the callback is applied
     */
    public CompletionStage<ChannelAdapter.CallbackAck> receive(String channelCode, Map<String, String> headers, byte[] body) {
        Instant receivedAt = Instant.now();
        ChannelDefinition channel = directory.find(channelCode).orElse(null);
        if (channel == null) {
            log.write(new CallbackLog.Line(receivedAt, channelCode, null, null, "UNKNOWN_CHANNEL", null));
            throw new ApiException(404, "CHANNEL_NOT_FOUND", "No channel " + channelCode);
        }
        ChannelAdapter adapter = adapters.forProtocol(channel.protocol());
        ChannelCallback callback;
        try {
            callback = adapter.parseCallback(channel.endpoint(), headers, body);
        } catch (InvalidChannelCallback e) {
            log.write(new CallbackLog.Line(receivedAt, channelCode, null, null, e.code(), e.getMessage()));
            throw new ApiException("BAD_SIGNATURE".equals(e.code()) ? 401 : 400, e.code(), e.getMessage());
        }
        if (callback.status() != ChannelStatus.SUCCEEDED && callback.status() != ChannelStatus.FAILED) {
            log.write(new CallbackLog.Line(receivedAt, channelCode, callback.reference(), String.valueOf(callback.status()),
                    "INVALID_CALLBACK", "not a final status"));
            throw new ApiException(400, "INVALID_CALLBACK", "A callback must report SUCCEEDED or FAILED");
        }
        try {
            rules.requireReady();
        } catch (RulesNotLoaded startingUp) {
            // 503: the supplier sends it again (or the status query finds it) once this instance can decide
            log.write(new CallbackLog.Line(receivedAt, channelCode, callback.reference(), callback.status().name(),
                    startingUp.code(), startingUp.getMessage()));
            throw startingUp;
        }
        Received received = new Received(receivedAt, new AttemptReport(callback.reference(), channelCode,
                callback.status(), callback.channelReference(), callback.amount(), callback.errorClass(),
                callback.errorCode(), ReportSource.CALLBACK));
        return applying.submit(received, appliers).thenApply(result -> {
            if (result == ReportResult.UNKNOWN_ATTEMPT) {
                throw new ApiException(404, "ORDER_NOT_FOUND", "No attempt " + callback.reference() + " on channel " + channelCode);
            }
            return adapter.acknowledgement();
        });
    }

    /** One callback: the report and its line in channel_callback commit together. */
    @Transactional
    ReportResult applied(Received received) {
        ReportResult result = outcomes.reported(received.report());
        log.write(line(received, result));
        return result;
    }

    /** Several callbacks: the plain successes and their lines commit together; the others are left out. */
    @Transactional
    List<Optional<ReportResult>> appliedTogether(List<Received> group) {
        metrics.summary("topup_channel_callback_group_size").record(group.size());
        List<Optional<ReportResult>> results = successes.apply(group.stream().map(Received::report).toList(),
                Instant.now());
        List<CallbackLog.Line> lines = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Received received = group.get(i);
            results.get(i).ifPresent(result -> lines.add(line(received, result)));
        }
        log.writeAll(lines);
        return results;
    }

    private void split(RuntimeException failure) {
        LOG.debugf(failure, "Applying callbacks together failed; applying each in its own transaction");
        metrics.counter("topup_channel_callback_groups_split_total").increment();
    }

    private static CallbackLog.Line line(Received received, ReportResult result) {
        AttemptReport report = received.report();
        return new CallbackLog.Line(received.at(), report.channelCode(), report.attemptId(), report.status().name(),
                result.name(), null);
    }
}
