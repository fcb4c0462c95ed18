package com.topup.sim;

import com.topup.carrier.Carrier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How a simulated supplier behaves. Rates are shares between 0 and 1, delays milliseconds.
 *
 * @param successRate       per carrier served, the share of accepted orders that end SUCCEEDED (a carrier not
 *                          listed is refused at once as not served)
 * @param rejectRate        share of submits refused at once
 * @param outOfStockRate    share of submits refused at once as out of stock
 * @param submitLatency     delay of the synchronous submit answer
 * @param resultLatency     delay from the submit to the final result
 * @param outageMode        how requests are treated during an outage
 * @param outages           planned outages, relative to when the behaviour takes effect
 * @param lostCallbackRate  share of results never called back (only a status query finds them)
 * @param duplicateCallbackRate share of results called back twice
 * @param lateCallbackRate  share of results called back {@code lateCallbackDelayMs} after the result
 * @param chargedTwiceRate  share of successful orders charged a second time, reported later under a second
 *                          channel reference in a second success callback
 * @param queryLatency      delay of a status answer
 * @param querySlowRate     share of status queries answered after {@code querySlowLatency} instead
 * @param queryFailureRate  share of status queries that fail (HTTP 500 or an internal-error code)
 * @param reversalRefuseRate share of charges whose reversal the supplier refuses (as when the airtime was used);
 *                          drawn once per charge, so asking again gets the same answer
 * @param statementOmitRate share of accepted orders whose charges the daily statement leaves out
 * @param statementAmountErrorRate share of accepted orders whose statement lines show an amount other than the
 *                          one charged (off by 1 to 10 yuan)
 * @param chargedDespiteFailureRate share of orders ending FAILED that the supplier charged all the same: reported
 *                          failed by callback and query, listed on the statement (the leak reconciliation finds)
 * @param successAfterFailureRate share of orders ending FAILED that the supplier later reports SUCCEEDED after all
 *                          (a second callback, and status queries answer SUCCEEDED), charged when it does
 * @param successAfterFailureDelayMs how long after the failure the late success comes (0: at once, the two
 *                          callbacks may then cross)
 */
public record SupplierBehaviour(
        Map<String, Double> successRate,
        double rejectRate,
        double outOfStockRate,
        LatencyProfile submitLatency,
        LatencyProfile resultLatency,
        OutageMode outageMode,
        List<OutageWindow> outages,
        double lostCallbackRate,
        double duplicateCallbackRate,
        double lateCallbackRate,
        long lateCallbackDelayMs,
        double chargedTwiceRate,
        LatencyProfile queryLatency,
        double querySlowRate,
        LatencyProfile querySlowLatency,
        double queryFailureRate,
        double reversalRefuseRate,
        double statementOmitRate,
        double statementAmountErrorRate,
        double chargedDespiteFailureRate,
        double successAfterFailureRate,
        long successAfterFailureDelayMs) {

    private static final long MAX_DELAY_MS = 86_400_000;
    private static final Set<String> CARRIERS = Stream.of(Carrier.values()).map(Enum::name).collect(Collectors.toSet());

    /** Fills what a profile leaves out: rates and the late delays 0, the delays and outage mode below. */
    public SupplierBehaviour {
        successRate = successRate == null ? Map.of() : new TreeMap<>(successRate);
        submitLatency = submitLatency == null ? new LatencyProfile(50, 150) : submitLatency;
        resultLatency = resultLatency == null ? new LatencyProfile(2_000, 8_000) : resultLatency;
        outageMode = outageMode == null ? OutageMode.TIMEOUT : outageMode;
        outages = outages == null ? List.of() : List.copyOf(outages);
        queryLatency = queryLatency == null ? new LatencyProfile(30, 100) : queryLatency;
        querySlowLatency = querySlowLatency == null ? new LatencyProfile(3_000, 8_000) : querySlowLatency;
    }

    /** A behaviour whose supplier reverses every charge, states every charge as made and never changes a result. */
    public SupplierBehaviour(Map<String, Double> successRate, double rejectRate, double outOfStockRate,
                             LatencyProfile submitLatency, LatencyProfile resultLatency, OutageMode outageMode,
                             List<OutageWindow> outages, double lostCallbackRate, double duplicateCallbackRate,
                             double lateCallbackRate, long lateCallbackDelayMs, double chargedTwiceRate,
                             LatencyProfile queryLatency, double querySlowRate, LatencyProfile querySlowLatency,
                             double queryFailureRate) {
        this(successRate, rejectRate, outOfStockRate, submitLatency, resultLatency, outageMode, outages,
                lostCallbackRate, duplicateCallbackRate, lateCallbackRate, lateCallbackDelayMs, chargedTwiceRate,
                queryLatency, querySlowRate, querySlowLatency, queryFailureRate, 0, 0, 0, 0, 0, 0);
    }

    /** Everything wrong with this behaviour, empty when it is usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (successRate.isEmpty()) {
            problems.add("successRate: at least one carrier must be served");
        }
        successRate.forEach((carrier, rate) -> {
            if (!CARRIERS.contains(carrier)) {
                problems.add("successRate: unknown carrier " + carrier);
            }
            rate(problems, "successRate." + carrier, rate == null ? -1 : rate);
        });
        rate(problems, "rejectRate", rejectRate);
        rate(problems, "outOfStockRate", outOfStockRate);
        if (rejectRate + outOfStockRate > 1) {
            problems.add("rejectRate + outOfStockRate must not exceed 1");
        }
        rate(problems, "lostCallbackRate", lostCallbackRate);
        rate(problems, "duplicateCallbackRate", duplicateCallbackRate);
        rate(problems, "lateCallbackRate", lateCallbackRate);
        rate(problems, "chargedTwiceRate", chargedTwiceRate);
        rate(problems, "querySlowRate", querySlowRate);
        rate(problems, "queryFailureRate", queryFailureRate);
        rate(problems, "reversalRefuseRate", reversalRefuseRate);
        rate(problems, "statementOmitRate", statementOmitRate);
        rate(problems, "statementAmountErrorRate", statementAmountErrorRate);
        rate(problems, "chargedDespiteFailureRate", chargedDespiteFailureRate);
        rate(problems, "successAfterFailureRate", successAfterFailureRate);
        delay(problems, "lateCallbackDelayMs", lateCallbackDelayMs);
        delay(problems, "successAfterFailureDelayMs", successAfterFailureDelayMs);
        Stream.of(submitLatency.problem("submitLatency"), resultLatency.problem("resultLatency"),
                queryLatency.problem("queryLatency"), querySlowLatency.problem("querySlowLatency"))
                .filter(p -> p != null).forEach(problems::add);
        for (OutageWindow outage : outages) {
            if (outage == null || outage.afterSeconds() < 0 || outage.seconds() <= 0) {
                problems.add("outages: each needs afterSeconds >= 0 and seconds > 0");
                break;
            }
        }
        return problems;
    }

    private static void delay(List<String> problems, String name, long millis) {
        if (millis < 0 || millis > MAX_DELAY_MS) {
            problems.add(name + " must be between 0 and one day");
        }
    }

    private static void rate(List<String> problems, String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            problems.add(name + " must be between 0 and 1");
        }
    }
}
