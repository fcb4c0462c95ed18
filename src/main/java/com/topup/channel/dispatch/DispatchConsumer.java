package com.topup.channel.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.channel.ChannelConfig;
import com.topup.rules.RulesReadiness;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads topup.dispatch in the consumer group shared by every instance. Messages are handled concurrently on a
 * worker pool; a redelivered or repeated message is harmless (the planner sees the order already has an attempt).
 * Messages read just after a start wait for the rules to be loaded instead of being routed without them.
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
    public void consume(String message) {
        String orderId;
        try {
            JsonNode node = json.readTree(message);
            orderId = node.path("orderId").asText(null);
        } catch (Exception e) {
            LOG.errorf("Unreadable dispatch message skipped: %s", message);
            return;
        }
        if (orderId == null) {
            LOG.errorf("Dispatch message without orderId skipped: %s", message);
            return;
        }
        if (!rules.awaitReady(config.rulesWait())) {
            // just started and still without rules: the orphan sweep dispatches the order once they are loaded
            LOG.warnf("Rules not loaded after %s; order %s left for the orphan sweep", config.rulesWait(), orderId);
            return;
        }
        try {
            dispatcher.dispatch(orderId);
        } catch (RuntimeException e) {
            // the order stays where it is; the retry poller and the stuck-order scanner pick it up again
            LOG.errorf(e, "Dispatch of order %s failed", orderId);
        }
    }
}
