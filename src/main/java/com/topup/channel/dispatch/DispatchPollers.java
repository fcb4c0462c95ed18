package com.topup.channel.dispatch;

import com.topup.channel.ChannelConfig;
import com.topup.channel.ChannelDefinition;
import com.topup.channel.ChannelDirectory;
import com.topup.channel.adapter.ChannelAdapters;
import com.topup.channel.adapter.StatusResult;
import com.topup.rules.RulesReadiness;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sub-second pollers (the Quarkus scheduler ticks once a second at best): due retries and orphaned orders go back
 * to dispatch; attempts whose status query is due are asked on a small pool of query threads. Nothing is claimed
 * before the rules are loaded, so a stuck order found just after a start is never decided without them.
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
    private ScheduledExecutorService timer;
    private ExecutorService queries;

    public DispatchPollers(DueWork due, AttemptStore attempts, AttemptOutcomes outcomes, ChannelDirectory directory,
                           ChannelAdapters adapters, ChannelConfig config, RulesReadiness rules) {
        this.due = due;
        this.attempts = attempts;
        this.outcomes = outcomes;
        this.directory = directory;
        this.adapters = adapters;
        this.config = config;
        this.rules = rules;
    }

    void start(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "dispatch-poller"));
        queries = Executors.newFixedThreadPool(config.queryThreads(), r -> daemon(r, "channel-query"));
        long every = config.pollInterval().toMillis();
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
            queries.shutdownNow();
        }
    }

    /** Skipped until this instance has loaded its rules: what falls due now would need a decision. */
    private void tick() {
        if (!rules.ready()) {
            return;
        }
        try {
            due.redispatchDue(config.pollBatch());
            List<Attempt> dueQueries = attempts.claimDueQueries(config.pollBatch(), config.queryInterval());
            dueQueries.forEach(attempt -> queries.execute(() -> query(attempt)));
        } catch (RuntimeException e) {
            LOG.error("Dispatch poll failed", e);
        }
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

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }
}
