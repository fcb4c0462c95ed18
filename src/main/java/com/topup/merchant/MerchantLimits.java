package com.topup.merchant;

import java.util.List;

/**
 * A merchant's request limits as staff set them (CONTRACT §1).
 *
 * @param requestsPerSecond requests per second over all instances; null for the configured default
 * @param allowedIps        addresses and CIDR blocks its requests may come from; null for anywhere
 */
public record MerchantLimits(Integer requestsPerSecond, List<String> allowedIps) {
}
