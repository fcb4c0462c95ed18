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
    private final double predictedSuccess;
    private final double predictionConfidence;
    private final double predictionSampleSize;
    private final long expectedLatencyMillis;

    /** A channel without a prediction of its own: predicted success is its success rate, with no confidence. */
    public ChannelFact(String code, Set<String> carriers, Set<String> provinces, Set<Long> faceValues, double costRate,
                       double successRate, long latencyP95Millis, int inFlight, int capacity, String circuitState,
                       long remainingDailyQuota) {
        this(code, carriers, provinces, faceValues, costRate, successRate, latencyP95Millis, inFlight, capacity,
                circuitState, remainingDailyQuota, successRate, 0, 0, latencyP95Millis);
    }

    public ChannelFact(String code, Set<String> carriers, Set<String> provinces, Set<Long> faceValues, double costRate,
                       double successRate, long latencyP95Millis, int inFlight, int capacity, String circuitState,
                       long remainingDailyQuota, double predictedSuccess, double predictionConfidence,
                       double predictionSampleSize, long expectedLatencyMillis) {
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
        this.predictedSuccess = predictedSuccess;
        this.predictionConfidence = predictionConfidence;
        this.predictionSampleSize = predictionSampleSize;
        this.expectedLatencyMillis = expectedLatencyMillis;
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

    /**
     * The success model's chance, 0 to 1, that this channel succeeds with this order: learnt from recent attempts of
     * every instance for the channel, the order's carrier, province, face-value band and hour of day, backing off to
     * broader figures where those are few.
     */
    public double getPredictedSuccess() {
        return predictedSuccess;
    }

    /**
     * How far {@link #getPredictedSuccess()} rests on the channel's own recent attempts: 0 (a new or long unused
     * channel, predicted from the priors) to 1; 0.5 at 20 recency-weighted attempts by default.
     */
    public double getPredictionConfidence() {
        return predictionConfidence;
    }

    /** The channel's own recency-weighted attempts behind the prediction (its effective sample size). */
    public double getPredictionSampleSize() {
        return predictionSampleSize;
    }

    /** Predicted time from the channel call to its result for this order, in milliseconds. */
    public long getExpectedLatencyMillis() {
        return expectedLatencyMillis;
    }

    /** Whether this channel serves the order's carrier, province and face value (an unknown province: only if it serves all). */
    public boolean supports(OrderFact order) {
        return order.getCarrier() != null && carriers.contains(order.getCarrier())
                && (provinces.isEmpty() || order.getProvince() != null && provinces.contains(order.getProvince()))
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
