package com.topup.channel.adapter;

import java.time.Instant;

/**
 * One charge on a supplier's daily statement: our reference (the attempt id we sent), the supplier's own reference
 * for the charge, the fen it charged and when. A supplier that charged one order twice lists two lines with the same
 * reference and different channel references.
 */
public record StatementLine(String reference, String channelReference, long amount, Instant chargedAt) {
}
