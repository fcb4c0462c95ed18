package com.topup.channel.dispatch;

import com.topup.order.WorkOrder;
import com.topup.rules.model.OrderFact;
import java.time.Duration;
import java.time.Instant;

/** The order as rules see it. */
public final class OrderFacts {

    private OrderFacts() {
    }

    /** {@code attempt} is the number of the attempt being decided about (1 for the first). */
    public static OrderFact of(WorkOrder order, int attempt, Instant now) {
        return new OrderFact(order.id(), order.merchantCode(), order.merchantTier(), order.carrier(), order.province(),
                order.city(), order.faceValue(), order.price(), attempt,
                Math.max(0, Duration.between(order.createdAt(), now).toMillis()));
    }
}
