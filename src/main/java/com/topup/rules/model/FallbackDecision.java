package com.topup.rules.model;

/**
 * What fallback rules fill in. The first rule to decide wins (rules run by salience, highest first); later
 * calls are ignored, so a high-salience "fail and refund past the deadline" cannot be overridden by a
 * "next channel" rule.
 */
public final class FallbackDecision {

    private FallbackAction action;
    private boolean queryFirst;
    private long delayMillis;
    private String reason;

    /** Try the next channel; {@code queryFirst} asks the failed channel for the order's status before. */
    public void nextChannel(boolean queryFirst, String reason) {
        if (decide(FallbackAction.NEXT_CHANNEL, reason)) {
            this.queryFirst = queryFirst;
        }
    }

    public void retryLater(long delayMillis, String reason) {
        if (decide(FallbackAction.RETRY_LATER, reason)) {
            this.delayMillis = delayMillis;
        }
    }

    public void failAndRefund(String reason) {
        decide(FallbackAction.FAIL_AND_REFUND, reason);
    }

    public void holdForReview(String reason) {
        decide(FallbackAction.HOLD_FOR_REVIEW, reason);
    }

    public boolean isDecided() {
        return action != null;
    }

    public FallbackAction getAction() {
        return action;
    }

    public boolean isQueryFirst() {
        return queryFirst;
    }

    public long getDelayMillis() {
        return delayMillis;
    }

    public String getReason() {
        return reason;
    }

    private boolean decide(FallbackAction next, String why) {
        if (action != null) {
            return false;
        }
        action = next;
        reason = why;
        return true;
    }
}
