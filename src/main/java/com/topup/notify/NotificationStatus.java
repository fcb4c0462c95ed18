package com.topup.notify;

public enum NotificationStatus {
    /** Waiting for its next attempt, or being sent. */
    PENDING,
    /** The merchant answered 2xx. */
    DELIVERED,
    /** Every attempt until the deadline failed; an operator can resend. */
    UNDELIVERED
}
