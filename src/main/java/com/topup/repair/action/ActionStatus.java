package com.topup.repair.action;

public enum ActionStatus {
    DONE,
    /** Requested by one operator; takes effect when another confirms it. */
    AWAITING_SECOND_OPERATOR,
    /** A second operator (or the requester) declined it; nothing happened. */
    REJECTED,
    /** The order moved on before the confirmation; nothing happened. */
    SUPERSEDED
}
