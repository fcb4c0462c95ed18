package com.topup.repair.action;

import com.topup.order.OrderView;

/** The answer to an action (CONTRACT §3): the order as it is now and the action. */
public record ActionAnswer(OrderView order, ActionView action) {
}
