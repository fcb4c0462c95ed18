package com.topup.rules.model;

/** What to do about an anomaly. */
public enum RepairAction {
    /** Ask the channel for the order's status again. */
    QUERY_CHANNEL,
    /** Take the channel's word that the top-up arrived: the order becomes SUCCEEDED. */
    MARK_SUCCEEDED,
    /** The top-up did not happen: the order becomes FAILED and the merchant is refunded. */
    FAIL_AND_REFUND,
    /** Claim the second charge back from the supplier; the order itself stays as it is. */
    REVERSE_DUPLICATE_CHARGE,
    /** Put the order in the operators' queue (REVIEW); nothing automatic happens. */
    HOLD_FOR_REVIEW,
    /** Record it for the operators without touching the order. */
    FLAG,
    /** Nothing to do. */
    IGNORE
}
