package com.topup.repair;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "topup.repair")
public interface RepairConfig {

    /** A refund or mark-succeeded of an order whose price is above this many fen waits for a second operator. */
    @WithDefault("50000")
    long fourEyesAmount();

    /**
     * How far back an order of the same merchant, phone and face value counts as a repeated submission; the repair
     * rules see the count and the time since the previous one and decide what is too close.
     */
    @WithDefault("24h")
    Duration duplicateLookback();

    /** Calls made to reverse a duplicate charge before a claim against the supplier is recorded instead. */
    @WithDefault("5")
    int reversalAttempts();

    /** Between reversal calls that got no usable answer (doubled after each). */
    @WithDefault("30s")
    Duration reversalRetryDelay();

    /** A claimed reversal call not finished within this time (the instance stopped) is claimed again. */
    @WithDefault("2m")
    Duration reversalLease();

    /** How often each instance looks for due reversal calls and refreshes the open-anomaly gauges. */
    @WithDefault("1s")
    Duration workInterval();

    /** When each instance tries to reconcile yesterday's statements (one instance wins each channel's day), UTC. */
    @WithDefault("0 30 1 * * ?")
    String reconciliationCron();

    /** A reconciliation run left RUNNING this long (its instance stopped) may be started again. */
    @WithDefault("10m")
    Duration reconciliationStale();

    /** The time limit of a statement call: a busy supplier's day is far larger than an order's answer. */
    @WithDefault("60s")
    Duration statementTimeout();
}
