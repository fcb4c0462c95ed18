package com.topup.merchant;

/** A merchant's balance next to what its ledger adds up to. */
public record Reconciliation(long opening, long balance, long credits, long debits, long refunds, long recharges) {

    public long expectedBalance() {
        return opening + credits - debits + refunds - recharges;
    }

    public boolean balanced() {
        return expectedBalance() == balance;
    }
}
