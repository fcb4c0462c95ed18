package com.topup.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The routing rule texts the benchmarks publish, for the sandbox's corpus of legitimate rules. */
public final class BenchPolicies {

    private BenchPolicies() {
    }

    public static Map<String, String> routingTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("bench: round robin", RoutingPolicies.roundRobin().drl());
        texts.put("bench: oracle", RoutingPolicies.oracle(new QualityScenario(100)).drl());
        texts.put("bench: 500 generated rules", RoutingBench.generatedRules(500));
        return texts;
    }
}
