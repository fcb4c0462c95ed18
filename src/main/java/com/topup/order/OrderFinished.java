package com.topup.order;

/**
 * One order a transaction moved to a final state ({@link OrdersFinished}), as that transaction left it.
 *
 * @param notifyUrl where the merchant wants to hear of it; null when it does not
 */
public record OrderFinished(String orderId, OrderStatus status, OrderView order, long merchantId, String notifyUrl) {
}
