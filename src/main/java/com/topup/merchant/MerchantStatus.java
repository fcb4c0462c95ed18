package com.topup.merchant;

public enum MerchantStatus {
    ACTIVE,
    DISABLED
}
