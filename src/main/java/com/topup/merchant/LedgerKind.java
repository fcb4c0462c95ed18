package com.topup.merchant;

public enum LedgerKind {
    CREDIT,
    DEBIT,
    REFUND
}
