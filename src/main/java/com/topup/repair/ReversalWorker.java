package com.topup.repair;

import com.topup.channel.ChannelDefinition;
import com.topup.channel.ChannelDirectory;
import com.topup.channel.adapter.ChannelAdapters;
import com.topup.channel.adapter.ReversalResult;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Asks channels to take back duplicate charges the repair rules decided to reverse. Claims due anomalies on any
 * instance (SKIP LOCKED with a lease), calls the channel with no transaction open, then records the answer.
 */
@ApplicationScoped
public class ReversalWorker {

    private static final Logger LOG = Logger.getLogger(ReversalWorker.class);
    private static final int BATCH = 20;

    private final AnomalyStore store;
    private final ReversalOutcomes outcomes;
    private final ChannelDirectory directory;
    private final ChannelAdapters adapters;
    private final RepairConfig config;

    public ReversalWorker(AnomalyStore store, ReversalOutcomes outcomes, ChannelDirectory directory,
                          ChannelAdapters adapters, RepairConfig config) {
        this.store = store;
        this.outcomes = outcomes;
        this.directory = directory;
        this.adapters = adapters;
        this.config = config;
    }

    @Scheduled(every = "${topup.repair.work-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void work() {
        for (AnomalyStore.DueAction due : store.claimDue(BATCH, config.reversalLease())) {
            try {
                outcomes.record(due, reverse(due));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Reversal for anomaly %d failed; it is tried again when its lease ends", due.id());
            }
        }
    }

    private ReversalResult reverse(AnomalyStore.DueAction due) {
        Optional<ChannelDefinition> channel = directory.find(due.channel());
        if (channel.isEmpty()) {
            return new ReversalResult(ReversalResult.Outcome.NOT_SUPPORTED, "UNKNOWN_CHANNEL",
                    "channel " + due.channel() + " is not configured");
        }
        return adapters.forProtocol(channel.get().protocol())
                .reverse(channel.get().endpoint(), due.reference(), due.channelReference(), due.amount());
    }
}
