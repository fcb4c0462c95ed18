package com.topup.order;

public enum OrderStatus {
    PENDING,
    PROCESSING,
    SUCCEEDED,
    FAILED,
    REVIEW;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
