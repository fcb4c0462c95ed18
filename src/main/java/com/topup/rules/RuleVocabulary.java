package com.topup.rules;

import com.topup.rules.sandbox.DrlSandbox;
import java.util.Map;
import java.util.Set;

/** What rules may name: the fact model, the decision objects and the globals the engine provides. */
public final class RuleVocabulary {

    public static final String MODEL_PACKAGE = "com.topup.rules.model";

    static final Set<String> MODEL_TYPES = Set.of("OrderFact", "ChannelFact", "RouteDecision", "RouteCandidate", "RuleRandom");
    static final Map<String, String> GLOBALS = Map.of("decision", "RouteDecision", "random", "RuleRandom");

    private RuleVocabulary() {
    }

    /** The package a rule set's DRL must declare, e.g. {@code com.topup.rules.routing}. */
    public static String packageOf(String ruleSet) {
        return "com.topup.rules." + ruleSet;
    }

    public static DrlSandbox sandbox() {
        return new DrlSandbox(MODEL_TYPES, GLOBALS, Set.of(MODEL_PACKAGE));
    }
}
