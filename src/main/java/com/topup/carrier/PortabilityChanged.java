package com.topup.carrier;

/**
 * Fired when a portability override was set or removed in the current transaction.
 *
 * @param carrier the carrier the number moved to, {@code null} when the override was removed
 */
public record PortabilityChanged(String phoneHash, Carrier carrier) {
}
