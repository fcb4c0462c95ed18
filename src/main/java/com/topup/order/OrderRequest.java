package com.topup.order;

/** A merchant's order request after syntactic validation. */
public record OrderRequest(String merchantOrderId, String phone, long faceValue, String notifyUrl) {
}
