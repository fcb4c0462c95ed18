package com.topup.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tries given DRL, a stored version, or the active version on facts an analyst gives, in a rule worker: nothing is
 * stored, dispatched or charged, and a text that runs past its budgets is stopped there (422 RULE_BUDGET_EXCEEDED).
 */
@ApplicationScoped
public class RuleSimulations {

    private final RuleSetStore store;
    private final RuleWorkers workers;

    public RuleSimulations(RuleSetStore store, RuleWorkers workers) {
        this.store = store;
        this.workers = workers;
    }

    public SimulationResult simulate(String ruleSet, String drl, Integer version, SimulationInput.Order order,
                                     List<SimulationInput.Channel> channels, SimulationInput.Failure failure,
                                     SimulationInput.Anomaly anomaly, long seed) {
        RuleSets.require(ruleSet);
        if (RuleSets.REPAIR.equals(ruleSet) && anomaly == null) {
            throw new ApiException(400, "INVALID_REQUEST", "anomaly is required to simulate repair rules",
                    Map.of("field", "anomaly"));
        }
        if (RuleSets.FALLBACK.equals(ruleSet) && failure == null) {
            throw new ApiException(400, "INVALID_REQUEST", "failure is required to simulate fallback rules",
                    Map.of("field", "failure"));
        }
        if (!RuleSets.REPAIR.equals(ruleSet) && (order == null || order.carrier() == null)) {
            throw new ApiException(400, "INVALID_REQUEST", "order with at least a carrier is required", Map.of("field", "order"));
        }
        if (anomaly != null) {
            anomaly.toFact(); // an unknown kind is the caller's mistake: 400 here, not a worker failure
        }
        Integer usedVersion = null;
        String text = drl;
        if (text == null || text.isBlank()) {
            RuleSetVersion stored = version != null ? store.version(ruleSet, version)
                    : store.active(ruleSet).orElseThrow(() -> new ApiException(404, "VERSION_NOT_FOUND", ruleSet + " has no active version"));
            usedVersion = stored.version;
            text = stored.drl;
        }
        JsonNode result = workers.simulate(ruleSet, text, new RuleTrials.SimulateInput(order, channels, failure, anomaly, seed));
        List<String> fired = new ArrayList<>();
        result.path("firedRules").forEach(n -> fired.add(n.asText()));
        return new SimulationResult(result.get("decision"), fired, usedVersion);
    }
}
