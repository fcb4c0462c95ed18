package com.topup.channel.adapter;

/**
 * A channel's answer to a submit. errorClass is one of REJECTED, OUT_OF_STOCK, TIMEOUT, NETWORK, INVALID_RESPONSE,
 * UNKNOWN (null when accepted); errorCode is the channel's own code when it gave one.
 */
public record SubmitResult(SubmitOutcome outcome, String channelReference, String errorClass, String errorCode,
                           String message, long elapsedMillis) {

    public static SubmitResult accepted(String channelReference, long elapsedMillis) {
        return new SubmitResult(SubmitOutcome.ACCEPTED, channelReference, null, null, null, elapsedMillis);
    }

    public static SubmitResult rejected(String errorClass, String errorCode, String message, long elapsedMillis) {
        return new SubmitResult(SubmitOutcome.REJECTED, null, errorClass, errorCode, message, elapsedMillis);
    }

    public static SubmitResult unknown(String errorClass, String message, long elapsedMillis) {
        return new SubmitResult(SubmitOutcome.UNKNOWN, null, errorClass, null, message, elapsedMillis);
    }
}
