package com.topup.channel.dispatch;

import com.topup.channel.adapter.ChannelStatus;

/** What a channel said about one of its attempts, by callback or status query. amount in fen, null when not said. */
public record AttemptReport(String attemptId, String channelCode, ChannelStatus status, String channelReference, Long amount,
                            String errorClass, String errorCode, ReportSource source) {
}
