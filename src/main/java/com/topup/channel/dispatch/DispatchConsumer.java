package com.topup.channel.dispatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.channel.ChannelConfig;
import com.topup.rules.RulesReadiness;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads topup.dispatch in the consumer group shared by every instance, a poll's records at a time
 * ({@code max.poll.records}); the polls are handled concurrently on a worker pool, each dispatched together
 * ({@link Dispatcher#dispatchAll}). A redelivered or repeated message is harmless (the planner sees the order already
 * has an attempt). Messages read just after a start wait for the rules to be loaded instead of being routed without
 * them.
 */
@ApplicationScoped
public class DispatchConsumer {

    private static final Logger LOG = Logger.getLogger(DispatchConsumer.class);

    private final Dispatcher dispatcher;
    private final ObjectMapper json;
    private final RulesReadiness rules;
    private final ChannelConfig config;

    public DispatchConsumer(Dispatcher dispatcher, ObjectMapper json, RulesReadiness rules, ChannelConfig config) {
        this.dispatcher = dispatcher;
        this.json = json;
        this.rules = rules;
        this.config = config;
    }

    @Incoming("dispatch")
    @Blocking(value = "dispatch-pool", ordered = false)
    public void consume(List<String> messages) {
        List<String> orderIds = new ArrayList<>(messages.size());
        for (String message : messages) {
            orderIdOf(message).ifPresent(orderIds::add);
        }
        if (orderIds.isEmpty()) {
            return;
        }
        if (!rules.awaitReady(config.rulesWait())) {
            // just started and still without rules: the orphan sweep dispatches the orders once they are loaded
            LOG.warnf("Rules not loaded after %s; %d orders left for the orphan sweep", config.rulesWait(), orderIds.size());
            return;
        }
        try {
            dispatcher.dispatchAll(orderIds);
        } catch (RuntimeException e) {
            // the orders stay where they are; the retry poller and the stuck-order scanner pick them up again
            LOG.errorf(e, "Dispatch of orders %s failed", orderIds);
        }
    }

    private Optional<String> orderIdOf(String message) {
        try {
            Optional<String> orderId = Optional.ofNullable(json.readTree(message).path("orderId").asText(null));
            if (orderId.isEmpty()) {
                LOG.errorf("Dispatch message without orderId skipped: %s", message);
            }
            return orderId;
        } catch (Exception e) {
            LOG.errorf("Unreadable dispatch message skipped: %s", message);
            return Optional.empty();
        }
    }
}
