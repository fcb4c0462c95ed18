package com.topup.merchant;

public record MerchantSummary(String code, String name, String status, int priceRateBp, long balance) {
}
