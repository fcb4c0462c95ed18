package com.topup.channel.dispatch;

/** What a report did: moved the attempt, was already known, or named no attempt of ours. */
public enum ReportResult {
    APPLIED,
    DUPLICATE,
    UNKNOWN_ATTEMPT
}
