package com.topup.bench;

import com.topup.sim.LatencyProfile;
import com.topup.sim.OutageMode;
import com.topup.sim.OutageWindow;
import com.topup.sim.SupplierBehaviour;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one simulated supplier does in a benchmark scenario and what its channel costs. Callbacks are neither lost,
 * late nor repeated and status queries always answer at once, so routing is what the run measures.
 */
record SupplierPlan(String code, Map<String, Double> successRate, double rejectRate, LatencyProfile submitLatency,
                    LatencyProfile resultLatency, int costRateBp, List<OutageWindow> outages) {

    /** Share of attempts on this channel that end SUCCEEDED for the carrier (0 when it does not serve it). */
    double trueOdds(String carrier) {
        Double rate = successRate.get(carrier);
        return rate == null ? 0 : (1 - rejectRate) * rate;
    }

    SupplierBehaviour behaviour() {
        return new SupplierBehaviour(successRate, rejectRate, 0, submitLatency, resultLatency, OutageMode.HTTP_503,
                outages, 0, 0, 0, 0, 0, new LatencyProfile(20, 50), 0, new LatencyProfile(20, 50), 0);
    }

    /** The channel settings the scenario sets (PUT /admin/api/channels/{code}; absent fields keep their value). */
    Map<String, Object> channelTerms() {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("carriers", List.copyOf(successRate.keySet()));
        terms.put("costRateBp", costRateBp);
        terms.put("capacity", 200);
        terms.put("timeoutMs", 2_000);
        terms.put("expectedCompletionMs", 3_000);
        terms.put("enabled", true);
        return terms;
    }
}
