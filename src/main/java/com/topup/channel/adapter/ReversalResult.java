package com.topup.channel.adapter;

/**
 * A channel's answer to a request to reverse one charge. REVERSED: the supplier took the charge back. REFUSED: it
 * will not (e.g. the airtime was used); NOT_SUPPORTED: the channel cannot reverse at all; UNKNOWN: no usable answer
 * (network, 5xx, bad signature) — asking again later is safe, a reversal is idempotent per channel reference.
 */
public record ReversalResult(Outcome outcome, String errorCode, String message) {

    public enum Outcome { REVERSED, REFUSED, NOT_SUPPORTED, UNKNOWN }

    public static ReversalResult unknown(String errorClass, String message) {
        return new ReversalResult(Outcome.UNKNOWN, errorClass, message);
    }
}
