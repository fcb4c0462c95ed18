package com.topup.notify;

/** What recording one attempt did to its callback. */
public enum DeliveryResult {
    DELIVERED,
    /** Failed; another attempt is scheduled. */
    RETRY,
    /** Failed and the deadline is reached. */
    UNDELIVERED,
    /** The claim had lapsed and another attempt took over; only the log entry was kept. */
    SUPERSEDED;

    String metricTag() {
        return name().toLowerCase();
    }
}
