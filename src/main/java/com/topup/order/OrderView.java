package com.topup.order;

import java.time.Instant;

/** The order body of CONTRACT §1, as returned to merchants and published in events. */
public record OrderView(String orderId, String merchantOrderId, String phone, String carrier, String province,
                        String country, long faceValue, long price, String status, Instant createdAt,
                        Instant updatedAt, Instant finishedAt, String failureCode) {

    public static OrderView of(TopUpOrder o) {
        return new OrderView(o.id, o.merchantOrderId, o.phoneMasked, o.carrier, o.province, o.country,
                o.faceValue, o.price, o.status.name(), o.createdAt, o.updatedAt, o.finishedAt, o.failureCode);
    }
}
