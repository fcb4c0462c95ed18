package com.topup.order;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The order body of CONTRACT §1 plus what staff see: the merchant's code and the channel of the last attempt. */
public record StaffOrderView(@JsonUnwrapped OrderView order, String merchant, String channel) {

    public static StaffOrderView of(OrderView order, String merchant, String channel) {
        return new StaffOrderView(order, merchant, channel);
    }
}
