package com.topup.repair;

public enum AnomalyStatus {
    /** Waiting: for an automatic step (a reversal call) or for a person. */
    OPEN,
    RESOLVED
}
