package com.topup.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What one policy achieved over one scenario's order stream in the replay. */
record ReplayFigures(String policy, int orders, int finalOrders, int succeeded, int review, int stillOpen,
                     int firstAttemptSucceeded, double meanAttempts, Percentiles toFinal, long costFen,
                     long faceValueSucceededFen, Map<String, Long> firstChannels, String notice) {

    static ReplayFigures of(String policy, List<PlatformReplay.OrderRun> runs, String notice) {
        List<PlatformReplay.OrderRun> finished = runs.stream()
                .filter(r -> "SUCCEEDED".equals(r.status) || "FAILED".equals(r.status)).toList();
        List<PlatformReplay.OrderRun> succeeded = finished.stream().filter(r -> "SUCCEEDED".equals(r.status)).toList();
        return new ReplayFigures(policy, runs.size(), finished.size(), succeeded.size(),
                (int) runs.stream().filter(r -> "REVIEW".equals(r.status)).count(),
                (int) runs.stream().filter(r -> "PENDING".equals(r.status)).count(),
                (int) runs.stream().filter(r -> !r.attempts.isEmpty() && r.attempts.get(0).succeeded()).count(),
                runs.stream().mapToInt(r -> r.attempts.size()).average().orElse(0),
                new Percentiles(finished.stream().map(r -> r.finishedAt - r.order.arrivalMillis()).toList()),
                succeeded.stream().flatMap(r -> r.attempts.stream()).filter(PlatformReplay.Attempt::succeeded)
                        .mapToLong(PlatformReplay.Attempt::cost).sum(),
                succeeded.stream().mapToLong(r -> r.order.faceValue()).sum(),
                new TreeMap<>(runs.stream().filter(r -> !r.attempts.isEmpty())
                        .collect(Collectors.groupingBy(r -> r.order.carrier().substring("CHINA_".length()).toLowerCase()
                                + " " + r.attempts.get(0).channel().replace("sim-", ""), Collectors.counting()))),
                notice);
    }

    double successPercent() {
        return finalOrders == 0 ? Double.NaN : 100.0 * succeeded / finalOrders;
    }

    double firstAttemptPercent() {
        return 100.0 * firstAttemptSucceeded / orders;
    }

    double costPercent() {
        return faceValueSucceededFen == 0 ? Double.NaN : 100.0 * costFen / faceValueSucceededFen;
    }
}
