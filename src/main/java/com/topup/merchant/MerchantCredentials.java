package com.topup.merchant;

/** What request authentication and pricing need of a merchant, with its secret in clear. */
public record MerchantCredentials(long id, String code, byte[] secret, MerchantStatus status, int priceRateBp, String tier) {
}
