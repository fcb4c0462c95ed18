package com.topup.channel.health;

/**
 * Leave to send one probe attempt to a half-open channel. Hand it back through
 * {@link CircuitBreakers#probeFinished(ProbePermit, boolean)}; a permit from before the circuit last changed
 * state is ignored then.
 */
public record ProbePermit(String channelCode, long generation) {
}
