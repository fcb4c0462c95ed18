package com.topup.channel.dispatch;

import com.topup.channel.ChannelConfig;
import com.topup.order.DispatchRequest;
import com.topup.order.OrderStore;
import com.topup.order.OrderTransitions;
import com.topup.order.WorkOrder;
import com.topup.outbox.OutboxWriter;
import com.topup.rules.FallbackOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Carries out a fallback decision inside the transaction that recorded the failure: the next channel is a new
 * dispatch message through the outbox (any instance takes it), a retry is a persisted time, a refund happens with
 * the FAILED state, a review parks the order.
 */
@ApplicationScoped
public class FallbackExecutor {

    private static final Logger LOG = Logger.getLogger(FallbackExecutor.class);

    private final OrderTransitions orders;
    private final OutboxWriter outbox;
    private final ChannelConfig config;
    private final MeterRegistry metrics;

    public FallbackExecutor(OrderTransitions orders, OutboxWriter outbox, ChannelConfig config, MeterRegistry metrics) {
        this.orders = orders;
        this.outbox = outbox;
        this.config = config;
        this.metrics = metrics;
    }

    /** {@code routingFoundNothing}: a "next channel" now would find nothing again, so it waits a little instead. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(WorkOrder order, FallbackOutcome decision, String failureCode, boolean routingFoundNothing, Instant now) {
        metrics.counter("topup_fallback_decisions_total", "action", decision.action().name()).increment();
        LOG.debugf("Order %s after %s: %s (%s, rules v%s)", order.id(), failureCode, decision.action(), decision.reason(),
                decision.version());
        switch (decision.action()) {
            case NEXT_CHANNEL -> {
                if (routingFoundNothing) {
                    orders.retryAt(order.id(), now.plus(config.noChannelRetryDelay()), now);
                } else {
                    redispatch(order);
                }
            }
            case RETRY_LATER -> orders.retryAt(order.id(), now.plusMillis(Math.max(0, decision.delayMillis())), now);
            case FAIL_AND_REFUND -> orders.failAndRefund(order.id(), failureCode, now);
            case HOLD_FOR_REVIEW -> orders.holdForReview(order.id(), failureCode, now);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void redispatch(WorkOrder order) {
        outbox.append(OrderStore.DISPATCH_TOPIC, order.id(), new DispatchRequest(order.id(), order.merchantId(),
                order.carrier(), order.province(), order.faceValue(), order.createdAt()));
    }
}
