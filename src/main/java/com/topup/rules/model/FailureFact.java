package com.topup.rules.model;

/** Why the last channel attempt of an order failed, as fallback rules see it. */
public final class FailureFact {

    private final String channel;
    private final String errorClass;
    private final String errorCode;
    private final long elapsedMillis;

    public FailureFact(String channel, String errorClass, String errorCode, long elapsedMillis) {
        this.channel = channel;
        this.errorClass = errorClass;
        this.errorCode = errorCode;
        this.elapsedMillis = elapsedMillis;
    }

    /** The channel that failed. */
    public String getChannel() {
        return channel;
    }

    /** REJECTED, OUT_OF_STOCK, TIMEOUT, NETWORK, INVALID_RESPONSE or UNKNOWN. */
    public String getErrorClass() {
        return errorClass;
    }

    /** The channel's own error code, as it sent it (may be null). */
    public String getErrorCode() {
        return errorCode;
    }

    /** How long the attempt took until it failed. */
    public long getElapsedMillis() {
        return elapsedMillis;
    }
}
