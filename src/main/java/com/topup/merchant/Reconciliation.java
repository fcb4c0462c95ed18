package com.topup.merchant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A merchant's balance next to what its ledger adds up to. */
public record Reconciliation(long opening, long balance, long credits, long debits, long refunds, long recharges) {

    @JsonProperty
    public long expectedBalance() {
        return opening + credits - debits + refunds - recharges;
    }

    @JsonProperty
    public boolean balanced() {
        return expectedBalance() == balance;
    }
}
