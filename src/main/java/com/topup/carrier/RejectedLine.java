package com.topup.carrier;

/**
 * A CSV line that was not imported.
 *
 * @param line 1-based line number in the uploaded text (the header is line 1)
 * @param reason why, in words an operator can act on
 */
public record RejectedLine(int line, String reason) {
}
