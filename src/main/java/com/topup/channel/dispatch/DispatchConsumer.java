package com.topup.channel.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads topup.dispatch in the consumer group shared by every instance. Messages are handled concurrently on a
 * worker pool; a redelivered or repeated message is harmless (the planner sees the order already has an attempt).
 */
@ApplicationScoped
public class DispatchConsumer {

    private static final Logger LOG = Logger.getLogger(DispatchConsumer.class);

    private final Dispatcher dispatcher;
    private final ObjectMapper json;

    public DispatchConsumer(Dispatcher dispatcher, ObjectMapper json) {
        this.dispatcher = dispatcher;
        this.json = json;
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
        try {
            dispatcher.dispatch(orderId);
        } catch (RuntimeException e) {
            // the order stays where it is; the retry poller and the stuck-order scanner pick it up again
            LOG.errorf(e, "Dispatch of order %s failed", orderId);
        }
    }
}
