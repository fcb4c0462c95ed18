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
    DUPLICATE_SUBMISSION,
    /** A channel reported success for an order that had already failed and been refunded: the phone got the airtime
     *  and the merchant its money back, and the supplier charged the platform. */
    SUCCESS_AFTER_REFUND,
    /** Reconciliation: the supplier's statement charges for a top-up the platform has as failed (the money leak). */
    SUPPLIER_CHARGED_NOT_RECORDED,
    /** Reconciliation: the platform has a success the supplier's statement does not list. */
    SUPPLIER_MISSING_SUCCESS,
    /** Reconciliation: the supplier's statement line and the platform disagree on the amount. */
    STATEMENT_AMOUNT_DIFFERENCE
}
