package com.topup.rules.model;

/** What to do after a failed attempt. */
public enum FallbackAction {
    NEXT_CHANNEL,
    RETRY_LATER,
    FAIL_AND_REFUND,
    HOLD_FOR_REVIEW
}
