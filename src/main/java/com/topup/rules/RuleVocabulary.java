package com.topup.rules;

import com.topup.rules.sandbox.DrlSandbox;
import java.util.Map;
import java.util.Set;

/** What rules may name: the fact model, the decision objects and the globals the engine provides. */
public final class RuleVocabulary {

    public static final String MODEL_PACKAGE = "com.topup.rules.model";

    static final Set<String> MODEL_TYPES = Set.of("OrderFact", "ChannelFact", "RouteDecision", "RouteCandidate", "RuleRandom",
            "FailureFact", "FallbackDecision", "FallbackAction", "AnomalyFact", "AnomalyKind", "RepairDecision", "RepairAction");
    private static final Map<String, Map<String, String>> GLOBALS = Map.of(
            RuleSets.ROUTING, Map.of("decision", "RouteDecision", "random", "RuleRandom"),
            RuleSets.FALLBACK, Map.of("decision", "FallbackDecision"),
            RuleSets.REPAIR, Map.of("decision", "RepairDecision"));

    private RuleVocabulary() {
    }

    /** The package a rule set's DRL must declare, e.g. {@code com.topup.rules.routing}. */
    public static String packageOf(String ruleSet) {
        return "com.topup.rules." + ruleSet;
    }

    /** The sandbox for one rule set: the whole fact model, and the globals that rule set's engine provides. */
    public static DrlSandbox sandbox(String ruleSet) {
        return new DrlSandbox(MODEL_TYPES, GLOBALS.getOrDefault(ruleSet, Map.of()), Set.of(MODEL_PACKAGE));
    }
}
