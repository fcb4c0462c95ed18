package com.topup.merchant;

/**
 * What request authentication and pricing need of a merchant, with its secret in clear.
 *
 * @param requestsPerSecond the merchant's own rate limit; null for the configured default
 * @param allowList         the addresses its requests may come from
 */
public record MerchantCredentials(long id, String code, byte[] secret, MerchantStatus status, int priceRateBp, String tier,
                                  Integer requestsPerSecond, IpAllowList allowList) {
}
