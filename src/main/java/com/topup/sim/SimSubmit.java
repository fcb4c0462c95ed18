package com.topup.sim;

/** A top-up asked of a simulated supplier, whatever the protocol: amount in fen. */
record SimSubmit(String reference, String phone, String carrier, long amount, String callbackUrl) {
}
