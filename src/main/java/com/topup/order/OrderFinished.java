package com.topup.order;

/** Fired inside the transaction that moved an order to a final state (observers act in that transaction). */
public record OrderFinished(String orderId, OrderStatus status) {
}
