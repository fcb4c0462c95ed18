package com.topup.channel.dispatch;

import com.topup.channel.adapter.ChannelAdapters;
import com.topup.channel.adapter.SubmitResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Dispatches one order: plan the attempt (one transaction), call the channel (no transaction open: a slow
 * supplier never holds a database connection), record its answer (another transaction).
 */
@ApplicationScoped
public class Dispatcher {

    private final AttemptPlanner planner;
    private final AttemptOutcomes outcomes;
    private final ChannelAdapters adapters;
    private final MeterRegistry metrics;

    public Dispatcher(AttemptPlanner planner, AttemptOutcomes outcomes, ChannelAdapters adapters, MeterRegistry metrics) {
        this.planner = planner;
        this.outcomes = outcomes;
        this.adapters = adapters;
        this.metrics = metrics;
    }

    public void dispatch(String orderId) {
        Optional<PlannedAttempt> planned = planner.plan(orderId);
        if (planned.isEmpty()) {
            return;
        }
        PlannedAttempt attempt = planned.get();
        Timer.Sample sample = Timer.start(metrics);
        SubmitResult result = adapters.forProtocol(attempt.channel().protocol())
                .submit(attempt.channel().endpoint(), attempt.request());
        sample.stop(metrics.timer("topup_channel_submit_seconds", "channel", attempt.channel().code()));
        outcomes.submitted(attempt, result);
    }
}
