package com.topup.carrier;

/** An enabled face value (fen) of a carrier. */
public record ProductOffer(Carrier carrier, long faceValue) {
}
