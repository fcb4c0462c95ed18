package com.topup.channel.dispatch;

import com.topup.rules.RulesReadiness;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Looks now and then for orders whose fallback dispatch was lost ({@link DueWork#redispatchStranded}) and sends them
 * on. Cluster-safe: each order is claimed with a row lock, and dispatching an order twice changes nothing.
 */
@ApplicationScoped
public class StrandedOrderSweep {

    private static final Logger LOG = Logger.getLogger(StrandedOrderSweep.class);
    static final int BATCH = 100;

    private final DueWork due;
    private final RulesReadiness rules;

    public StrandedOrderSweep(DueWork due, RulesReadiness rules) {
        this.due = due;
        this.rules = rules;
    }

    @Scheduled(every = "${topup.channel.stranded-sweep-interval:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (!rules.ready()) {
            return;
        }
        List<String> sent = due.redispatchStranded(BATCH);
        if (!sent.isEmpty()) {
            LOG.warnf("Orders left PROCESSING with nothing under way sent back to dispatch: %s", sent);
        }
    }
}
