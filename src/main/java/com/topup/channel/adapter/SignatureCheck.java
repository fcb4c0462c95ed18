package com.topup.channel.adapter;

/** The verdict on a signed message of a channel protocol. */
public enum SignatureCheck {
    VALID,
    /** No signature, or no timestamp where the protocol requires one. */
    MISSING,
    BAD_SIGNATURE,
    /** Correctly signed, but the timestamp is more than the allowed age away from our clock (either way). */
    STALE_TIMESTAMP;

    public boolean valid() {
        return this == VALID;
    }
}
