package com.topup.channel.dispatch;

import com.topup.channel.adapter.SubmitResult;

/** What a channel answered to the submit of a planned attempt. */
public record SubmitAnswer(PlannedAttempt attempt, SubmitResult result) {
}
