package com.topup.merchant;

public enum LedgerKind {
    CREDIT,
    DEBIT,
    REFUND,
    /** A refunded order charged again because its top-up happened after all (an operator's decision). */
    RECHARGE
}
