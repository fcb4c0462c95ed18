package com.topup.merchant;

/** A merchant whose request signature, timestamp and nonce were verified. */
public record AuthenticatedMerchant(long id, String code, int priceRateBp, String tier, byte[] secret) {

    /** The merchant's price for a face value, rounded half up to whole fen. */
    public long priceFor(long faceValue) {
        return Math.addExact(Math.multiplyExact(faceValue, (long) priceRateBp), 5_000L) / 10_000L;
    }
}
