package com.topup.notify;

import java.time.Instant;

/**
 * A callback reserved for one attempt by this instance; {@code merchantCode} finds the signing secret, and
 * {@code firstAttemptAt} is when its first attempt was made (the retry deadline counts from it).
 */
public record ClaimedNotification(long id, String eventId, String url, String body, int attemptNo, String merchantCode,
                                  Instant firstAttemptAt) {
}
