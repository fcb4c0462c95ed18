package com.topup.order;

/**
 * Fired inside the transaction that moved an order to a final state (observers act in that transaction), with the
 * order as that transaction left it.
 *
 * @param notifyUrl where the merchant wants to hear of it; null when it does not
 */
public record OrderFinished(String orderId, OrderStatus status, OrderView order, long merchantId, String notifyUrl) {
}
