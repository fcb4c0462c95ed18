package com.topup.order;

import com.topup.web.ApiException;

/** One order's outcome when stored with others: its result, or the exception that refused or failed it. */
public record StoredOrder(IntakeResult result, RuntimeException failure) {

    static StoredOrder stored(IntakeResult result) {
        return new StoredOrder(result, null);
    }

    static StoredOrder failed(RuntimeException failure) {
        return new StoredOrder(null, failure);
    }

    /** The result, or the refusal as thrown when the order is stored alone. */
    IntakeResult answer() {
        if (failure instanceof ApiException refusal) {
            throw refusal;
        }
        if (failure != null) {
            throw new IllegalStateException("Storing the order failed: " + failure.getMessage(), failure);
        }
        return result;
    }
}
