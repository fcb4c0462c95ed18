package com.topup.sim;

import java.time.Instant;

/**
 * One charge a simulated supplier made for an order, under its own reference: the fen charged, when, and when it was
 * reversed (null while it stands).
 */
public record SimCharge(String channelReference, long amount, Instant chargedAt, Instant reversedAt) {

    boolean reversed() {
        return reversedAt != null;
    }

    SimCharge reverse(Instant at) {
        return new SimCharge(channelReference, amount, chargedAt, at);
    }
}
