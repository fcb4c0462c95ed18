package com.topup.channel.adapter;

/** Where a channel says a top-up stands. */
public enum ChannelStatus {
    PROCESSING,
    SUCCEEDED,
    FAILED,
    /** The channel has no such reference: it never took the order. */
    NOT_FOUND,
    /** The query itself failed (timeout, network, garbage). */
    UNKNOWN
}
