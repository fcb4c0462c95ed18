package com.topup.channel.dispatch;

import com.topup.channel.ChannelDefinition;
import com.topup.channel.adapter.SubmitRequest;

/** An attempt written as SUBMITTING, ready to be sent to its channel outside any transaction. */
public record PlannedAttempt(String attemptId, String orderId, ChannelDefinition channel, SubmitRequest request) {
}
