package com.topup.rules.model;

import java.util.Set;

/** A supplier channel with its live figures, as rules see it. */
public final class ChannelFact {

    /** A latency at or above this scores 0 in {@link #getLatencyScore()}. */
    public static final long SLOW_LATENCY_MILLIS = 3_000;

    private final String code;
    private final Set<String> carriers;
    private final Set<String> provinces;
    private final Set<Long> faceValues;
    private final double costRate;
    private final double successRate;
    private final long latencyP95Millis;
    private final int inFlight;
    private final int capacity;
    private final String circuitState;
    private final long remainingDailyQuota;

    public ChannelFact(String code, Set<String> carriers, Set<String> provinces, Set<Long> faceValues, double costRate,
                       double successRate, long latencyP95Millis, int inFlight, int capacity, String circuitState,
                       long remainingDailyQuota) {
        this.code = code;
        this.carriers = Set.copyOf(carriers);
        this.provinces = Set.copyOf(provinces);
        this.faceValues = Set.copyOf(faceValues);
        this.costRate = costRate;
        this.successRate = successRate;
        this.latencyP95Millis = latencyP95Millis;
        this.inFlight = inFlight;
        this.capacity = capacity;
        this.circuitState = circuitState;
        this.remainingDailyQuota = remainingDailyQuota;
    }

    public String getCode() {
        return code;
    }

    public Set<String> getCarriers() {
        return carriers;
    }

    /** Provinces served; empty means every province. */
    public Set<String> getProvinces() {
        return provinces;
    }

    /** Face values served (fen); empty means every face value of the catalogue. */
    public Set<Long> getFaceValues() {
        return faceValues;
    }

    /** What the channel charges as a share of face value, e.g. 0.97. */
    public double getCostRate() {
        return costRate;
    }

    /** Share of successful attempts over the recent window, 0 to 1. */
    public double getSuccessRate() {
        return successRate;
    }

    public long getLatencyP95Millis() {
        return latencyP95Millis;
    }

    public int getInFlight() {
        return inFlight;
    }

    /** Most orders the channel takes at once. */
    public int getCapacity() {
        return capacity;
    }

    /** CLOSED (healthy), OPEN (no traffic) or HALF_OPEN (probe traffic only). */
    public String getCircuitState() {
        return circuitState;
    }

    public long getRemainingDailyQuota() {
        return remainingDailyQuota;
    }

    /** Whether this channel serves the order's carrier, province and face value. */
    public boolean supports(OrderFact order) {
        return carriers.contains(order.getCarrier())
                && (provinces.isEmpty() || provinces.contains(order.getProvince()))
                && (faceValues.isEmpty() || faceValues.contains(order.getFaceValue()));
    }

    /** Free share of capacity, 0 (full) to 1 (idle). */
    public double getSpareCapacity() {
        if (capacity <= 0) {
            return 0;
        }
        return Math.max(0, (double) (capacity - inFlight) / capacity);
    }

    /** 1 for an instant answer, falling linearly to 0 at {@link #SLOW_LATENCY_MILLIS} (p95). */
    public double getLatencyScore() {
        return Math.max(0, 1 - (double) latencyP95Millis / SLOW_LATENCY_MILLIS);
    }

    @Override
    public String toString() {
        return "ChannelFact[" + code + "]";
    }
}
