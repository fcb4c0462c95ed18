package com.topup.order;

import java.time.Instant;

/** A state change of an order, published on topup.order-events. */
public record OrderEvent(String type, String merchantId, Instant occurredAt, OrderView order) {

    static OrderEvent of(String type, String merchantCode, OrderView order) {
        return new OrderEvent(type, merchantCode, order.updatedAt(), order);
    }
}
