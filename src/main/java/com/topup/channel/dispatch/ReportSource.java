package com.topup.channel.dispatch;

/** Where a channel's word about an attempt came from. */
public enum ReportSource {
    CALLBACK,
    QUERY
}
