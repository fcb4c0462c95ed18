package com.topup.rules;

import com.topup.rules.model.AnomalyFact;
import com.topup.rules.model.AnomalyKind;
import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.FailureFact;
import com.topup.rules.model.OrderFact;
import com.topup.web.ApiException;
import java.util.List;
import java.util.Set;

/** Facts given by an analyst to try rules on, as JSON; missing fields take neutral defaults. */
public final class SimulationInput {

    private SimulationInput() {
    }

    public record Order(String orderId, String merchant, String merchantTier, String carrier, String province, String city,
                        Long faceValue, Long price, Integer attempt, Long ageMillis) {

        static Order of(OrderFact o) {
            return new Order(o.getOrderId(), o.getMerchant(), o.getMerchantTier(), o.getCarrier(), o.getProvince(), o.getCity(),
                    o.getFaceValue(), o.getPrice(), o.getAttempt(), o.getAgeMillis());
        }

        OrderFact toFact() {
            long face = faceValue == null ? 10_000 : faceValue;
            return new OrderFact(orderId == null ? "SIMULATED" : orderId, merchant == null ? "simulated" : merchant,
                    merchantTier == null ? "STANDARD" : merchantTier, carrier, province, city, face,
                    price == null ? face : price, attempt == null ? 1 : attempt, ageMillis == null ? 0 : ageMillis);
        }
    }

    public record Channel(String code, Set<String> carriers, Set<String> provinces, Set<Long> faceValues, Double costRate,
                          Double successRate, Long latencyP95Millis, Integer inFlight, Integer capacity,
                          String circuitState, Long remainingDailyQuota, Double predictedSuccess,
                          Double predictionConfidence, Double predictionSampleSize, Long expectedLatencyMillis) {

        /** Without a prediction given, the success rate stands for it, as if well established. */
        private static final double GIVEN_CONFIDENCE = 1.0;
        private static final double GIVEN_SAMPLE_SIZE = 1_000;

        static Channel of(ChannelFact c) {
            return new Channel(c.getCode(), c.getCarriers(), c.getProvinces(), c.getFaceValues(), c.getCostRate(),
                    c.getSuccessRate(), c.getLatencyP95Millis(), c.getInFlight(), c.getCapacity(), c.getCircuitState(),
                    c.getRemainingDailyQuota(), c.getPredictedSuccess(), c.getPredictionConfidence(),
                    c.getPredictionSampleSize(), c.getExpectedLatencyMillis());
        }

        ChannelFact toFact() {
            double success = successRate == null ? 1.0 : successRate;
            long latency = latencyP95Millis == null ? 0 : latencyP95Millis;
            return new ChannelFact(code, carriers == null ? Set.of() : carriers, provinces == null ? Set.of() : provinces,
                    faceValues == null ? Set.of() : faceValues, costRate == null ? 1.0 : costRate, success, latency,
                    inFlight == null ? 0 : inFlight, capacity == null ? 100 : capacity,
                    circuitState == null ? "CLOSED" : circuitState, remainingDailyQuota == null ? Long.MAX_VALUE : remainingDailyQuota,
                    predictedSuccess == null ? success : predictedSuccess,
                    predictionConfidence == null ? GIVEN_CONFIDENCE : predictionConfidence,
                    predictionSampleSize == null ? GIVEN_SAMPLE_SIZE : predictionSampleSize,
                    expectedLatencyMillis == null ? latency : expectedLatencyMillis);
        }
    }

    public record Failure(String channel, String errorClass, String errorCode, Long elapsedMillis) {

        FailureFact toFact() {
            return new FailureFact(channel, errorClass == null ? "UNKNOWN" : errorClass, errorCode,
                    elapsedMillis == null ? 0 : elapsedMillis);
        }
    }

    public record Anomaly(String kind, String orderId, String orderStatus, String channel, String secondChannel,
                          Long stuckMillis, Integer queriesSoFar, String lastQueryStatus, Long expectedAmount,
                          Long reportedAmount, Integer occurrences, Long windowMillis, Long sincePreviousMillis,
                          Long amountAtStake) {

        AnomalyFact toFact() {
            AnomalyKind parsed;
            try {
                parsed = AnomalyKind.valueOf(kind == null ? "" : kind);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "INVALID_REQUEST", "anomaly.kind must be one of "
                        + java.util.Arrays.toString(AnomalyKind.values()), java.util.Map.of("field", "anomaly.kind"));
            }
            long expected = expectedAmount == null ? 10_000 : expectedAmount;
            return AnomalyFact.of(parsed, orderId == null ? "SIMULATED" : orderId)
                    .orderStatus(orderStatus == null ? "PROCESSING" : orderStatus)
                    .channel(channel)
                    .secondChannel(secondChannel)
                    .stuck(stuckMillis == null ? 0 : stuckMillis, queriesSoFar == null ? 0 : queriesSoFar, lastQueryStatus)
                    .amounts(expected, reportedAmount == null ? expected : reportedAmount)
                    .repeats(occurrences == null ? 1 : occurrences, windowMillis == null ? 0 : windowMillis,
                            sincePreviousMillis == null ? 0 : sincePreviousMillis)
                    .amountAtStake(amountAtStake == null ? 0 : amountAtStake)
                    .build();
        }
    }

    static List<ChannelFact> channels(List<Channel> channels) {
        return channels == null ? List.of() : channels.stream().map(Channel::toFact).toList();
    }
}
