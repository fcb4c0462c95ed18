package com.topup.channel.dispatch;

import com.topup.channel.ChannelConfig;
import com.topup.channel.ChannelDefinition;
import com.topup.channel.ChannelDirectory;
import com.topup.channel.adapter.ChannelAdapters;
import com.topup.channel.adapter.StatusResult;
import com.topup.common.work.NamedWorkerPool;
import com.topup.common.work.RecurringJob;
import com.topup.rules.RulesReadiness;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sub-second pollers on the {@code dispatch-poller} worker (the Quarkus scheduler ticks once a second at best): due
 * retries and orphaned orders go back to dispatch; attempts whose status query is due are asked on the
 * {@code channel-query} workers. Nothing is claimed before the rules are loaded, so a stuck order found just after a
 * start is never decided without them.
 */
@ApplicationScoped
public class DispatchPollers {

    private static final Logger LOG = Logger.getLogger(DispatchPollers.class);

    private final DueWork due;
    private final AttemptStore attempts;
    private final AttemptOutcomes outcomes;
    private final ChannelDirectory directory;
    private final ChannelAdapters adapters;
    private final ChannelConfig config;
    private final RulesReadiness rules;
    private final Vertx vertx;
    private RecurringJob poller;
    private NamedWorkerPool queries;

    public DispatchPollers(DueWork due, AttemptStore attempts, AttemptOutcomes outcomes, ChannelDirectory directory,
                           ChannelAdapters adapters, ChannelConfig config, RulesReadiness rules, Vertx vertx) {
        this.due = due;
        this.attempts = attempts;
        this.outcomes = outcomes;
        this.directory = directory;
        this.adapters = adapters;
        this.config = config;
        this.rules = rules;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        queries = new NamedWorkerPool(vertx, "channel-query", config.queryThreads(), null);
        poller = new RecurringJob(vertx, "dispatch-poller", null, this::tick);
        poller.start(config.pollInterval());
    }

    void stop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.stop();
            queries.close();
        }
    }

    /** Skipped until this instance has loaded its rules: what falls due now would need a decision. */
    private Duration tick() {
        if (!rules.ready()) {
            return config.pollInterval();
        }
        try {
            due.redispatchDue(config.pollBatch());
            List<Attempt> dueQueries = attempts.claimDueQueries(config.pollBatch(), config.queryInterval());
            dueQueries.forEach(attempt -> queries.execute(() -> query(attempt)));
        } catch (RuntimeException e) {
            LOG.error("Dispatch poll failed", e);
        }
        return config.pollInterval();
    }

    private void query(Attempt attempt) {
        try {
            Optional<ChannelDefinition> channel = directory.find(attempt.channelCode());
            if (channel.isEmpty()) {
                return;
            }
            StatusResult status = adapters.forProtocol(channel.get().protocol()).query(channel.get().endpoint(), attempt.id());
            outcomes.reported(new AttemptReport(attempt.id(), attempt.channelCode(), status.status(), status.channelReference(), status.amount(),
                    status.errorClass(), status.errorCode(), ReportSource.QUERY));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Status query of attempt %s failed", attempt.id());
        }
    }
}
