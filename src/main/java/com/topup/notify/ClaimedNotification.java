package com.topup.notify;

/** A callback reserved for one attempt by this instance; {@code merchantCode} finds the signing secret. */
public record ClaimedNotification(long id, String eventId, String url, String body, int attemptNo, String merchantCode) {
}
