package com.topup.channel.adapter;

/** The channel's immediate answer to a submit. */
public enum SubmitOutcome {
    /** Taken; the result comes later by callback or status query. */
    ACCEPTED,
    /** Refused at once (errorClass REJECTED or OUT_OF_STOCK); the channel did not charge. */
    REJECTED,
    /** No usable answer (timeout, network, garbage): the channel may or may not have taken it. */
    UNKNOWN
}
