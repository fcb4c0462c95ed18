package com.topup.order;

/** The staff order search's query parameters as given (CONTRACT §3), before they are checked. */
public record OrderSearchParams(String status, String merchant, String merchantOrderId, String phone, String carrier,
                                String channel, String anomaly, String from, String to, String cursor, Integer limit) {
}
