package com.topup.merchant;

import java.util.List;

/** A merchant's limits as stored, with the rate that applies (its own or the configured default). */
public record MerchantLimitsView(String merchantId, Integer requestsPerSecond, List<String> allowedIps,
                                 int effectiveRequestsPerSecond) {
}
