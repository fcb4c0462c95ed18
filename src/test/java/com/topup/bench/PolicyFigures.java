package com.topup.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What one routing policy achieved over the order stream. */
record PolicyFigures(String policy, int ruleVersion, int submitted, int finalOrders, int succeeded, int review,
                     int stillOpen, int firstAttemptSucceeded, double meanAttempts, Percentiles toFinal,
                     long costFen, long faceValueSucceededFen, Map<String, Long> firstChannelShare,
                     Map<String, Long> otherVersions, Percentiles toFirstAttempt, Percentiles firstAttempt,
                     long attemptsQueried) {

    static PolicyFigures of(String policy, int ruleVersion, int submitted, List<OrderOutcome> orders) {
        List<OrderOutcome> finished = orders.stream().filter(OrderOutcome::finished).toList();
        List<OrderOutcome> succeeded = finished.stream().filter(OrderOutcome::succeeded).toList();
        Map<String, Long> firstChannels = new TreeMap<>(orders.stream().filter(o -> !o.attempts().isEmpty())
                .collect(Collectors.groupingBy(o -> o.attempts().get(0).channel(), Collectors.counting())));
        Map<String, Long> otherVersions = new TreeMap<>(orders.stream().flatMap(o -> o.attempts().stream())
                .filter(a -> a.ruleVersion() == null || a.ruleVersion() != ruleVersion)
                .collect(Collectors.groupingBy(a -> "v" + a.ruleVersion(), Collectors.counting())));
        return new PolicyFigures(policy, ruleVersion, submitted, finished.size(), succeeded.size(),
                (int) orders.stream().filter(o -> "REVIEW".equals(o.status())).count(),
                (int) orders.stream().filter(o -> !o.finished() && !"REVIEW".equals(o.status())).count(),
                (int) orders.stream().filter(OrderOutcome::firstAttemptSucceeded).count(),
                orders.stream().mapToInt(o -> o.attempts().size()).average().orElse(0),
                new Percentiles(finished.stream().map(OrderOutcome::millisToFinal).toList()),
                succeeded.stream().mapToLong(OrderOutcome::cost).sum(),
                succeeded.stream().mapToLong(OrderOutcome::faceValue).sum(), firstChannels, otherVersions,
                new Percentiles(orders.stream().map(OrderOutcome::millisToFirstAttempt).filter(m -> m != null).toList()),
                new Percentiles(orders.stream().map(OrderOutcome::millisOfFirstAttempt).filter(m -> m != null).toList()),
                orders.stream().flatMap(o -> o.attempts().stream()).filter(a -> a.queries() > 0).count());
    }

    /** % SUCCEEDED of the orders that reached SUCCEEDED or FAILED. */
    double successPercent() {
        return finalOrders == 0 ? Double.NaN : 100.0 * succeeded / finalOrders;
    }

    double firstAttemptPercent() {
        return submitted == 0 ? Double.NaN : 100.0 * firstAttemptSucceeded / submitted;
    }

    double meanCostPerSucceededFen() {
        return succeeded == 0 ? Double.NaN : (double) costFen / succeeded;
    }

    /** What the channels charged as a share of the face value they delivered. */
    double costPercentOfFaceValue() {
        return faceValueSucceededFen == 0 ? Double.NaN : 100.0 * costFen / faceValueSucceededFen;
    }
}
