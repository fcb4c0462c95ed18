package com.topup.channel.dispatch;

import java.time.Instant;
import java.util.List;

/**
 * One attempt of an order as staff see it: where it went, why (rule version and rules, the predicted success of the
 * channel and of the best other one), how it ended and when.
 */
public record AttemptView(String attemptId, int attemptNo, String channel, String status, String channelReference,
                          String errorClass, String errorCode, long cost, Integer ruleVersion, List<String> firedRules,
                          String fallbackAction, Integer fallbackRuleVersion, List<String> fallbackFiredRules,
                          boolean probe, int queries, Instant startedAt, Instant finishedAt, Integer latencyMillis,
                          Double predictedSuccess, String bestAlternative, Double bestAlternativePredicted) {
}
