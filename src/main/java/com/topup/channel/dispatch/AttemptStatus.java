package com.topup.channel.dispatch;

/** An attempt's life: SUBMITTING (row written, call under way) → PROCESSING (channel has it) → SUCCEEDED | FAILED. */
public enum AttemptStatus {
    SUBMITTING,
    PROCESSING,
    SUCCEEDED,
    FAILED;

    public boolean isOpen() {
        return this == SUBMITTING || this == PROCESSING;
    }
}
