package com.topup.order;

/** The order a request resolved to, and whether this request created it. */
public record IntakeResult(OrderView order, boolean created) {
}
