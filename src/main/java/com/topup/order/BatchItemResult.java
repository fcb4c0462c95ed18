package com.topup.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.topup.web.ErrorBody;

/** One item's outcome in a batch: its HTTP-like status with the order or the error. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchItemResult(int index, int status, OrderView order, ErrorBody error) {

    static BatchItemResult ok(int index, int status, OrderView order) {
        return new BatchItemResult(index, status, order, null);
    }

    static BatchItemResult error(int index, int status, ErrorBody error) {
        return new BatchItemResult(index, status, null, error);
    }
}
