package com.topup.channel.health;

/** Where a channel's circuit breaker stands; the names are what routing rules see. */
public enum CircuitState {
    /** Healthy: all traffic. */
    CLOSED(0),
    /** Recovering: probe traffic only, admitted by {@link CircuitBreakers#tryAcquireProbe(String)}. */
    HALF_OPEN(1),
    /** Failing: no traffic until the open duration has passed. */
    OPEN(2);

    private final int gaugeValue;

    CircuitState(int gaugeValue) {
        this.gaugeValue = gaugeValue;
    }

    /** 0 closed, 1 half-open, 2 open, as exported on {@code topup_channel_circuit_state}. */
    public int gaugeValue() {
        return gaugeValue;
    }
}
