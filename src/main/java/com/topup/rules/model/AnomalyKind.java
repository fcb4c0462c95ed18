package com.topup.rules.model;

/** The kinds of anomaly repair rules decide about. */
public enum AnomalyKind {
    /** An order in PROCESSING past its channel's expected time with no final answer. */
    STUCK_PROCESSING,
    /** Two channels (or one channel twice) reported success for one order: the supplier side charged twice. */
    DUPLICATE_SUCCESS,
    /** A channel reported a topped-up amount different from the order's face value. */
    AMOUNT_MISMATCH,
    /** A merchant placed the same phone and face value again within a short window. */
    DUPLICATE_SUBMISSION
}
