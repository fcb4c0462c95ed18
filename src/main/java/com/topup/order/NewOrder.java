package com.topup.order;

import java.time.Instant;

/** A validated, priced order about to be stored. */
public record NewOrder(String id, long merchantId, String merchantCode, String merchantOrderId, byte[] phoneCipher,
                       String phoneHash, String phoneMasked, String country, String carrier, String province,
                       String city, long faceValue, long price, String notifyUrl, Instant createdAt) {

    OrderView view() {
        return new OrderView(id, merchantOrderId, phoneMasked, carrier, province, country, faceValue, price,
                OrderStatus.PENDING.name(), createdAt, createdAt, null, null);
    }
}
