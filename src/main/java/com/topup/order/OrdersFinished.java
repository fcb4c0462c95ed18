package com.topup.order;

import java.util.List;

/**
 * Fired inside a transaction that moved orders to a final state (observers act in that transaction), once for all the
 * orders it moved in one step (the callbacks applied together succeed many at once), in the order they moved.
 */
public record OrdersFinished(List<OrderFinished> orders) {

    public OrdersFinished {
        orders = List.copyOf(orders);
    }

    public List<String> orderIds() {
        return orders.stream().map(OrderFinished::orderId).toList();
    }
}
