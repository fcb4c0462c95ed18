package com.topup.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.OrderFact;
import com.topup.rules.model.RouteCandidate;
import com.topup.rules.model.RuleRandom;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The starting routing policy, written in DRL, decides as the product's design says. */
class SeedRoutingRulesTest {

    private static DrlCompiler compiler;
    private static RuleSetRuntime routing;

    static final OrderFact BEIJING_MOBILE = new OrderFact("T1", "demo-merchant", "STANDARD", "CHINA_MOBILE", "北京", "北京",
            10_000, 9_850, 1, 1_000);

    @BeforeAll
    static void compileSeedRules() throws IOException {
        compiler = new DrlCompiler(RuleVocabulary::sandbox, 1, 60_000);
        CompilationResult result = compiler.compile("routing", seed("routing"));
        assertTrue(result.succeeded(), () -> "seed routing rules compile: " + result.errors());
        routing = new RuleSetRuntime("routing", 1, result.kieBase(), new RuleLimits(1_000, 1_000));
    }

    @AfterAll
    static void close() {
        routing.close();
        compiler.close();
    }

    static String seed(String ruleSet) throws IOException {
        try (InputStream in = SeedRoutingRulesTest.class.getResourceAsStream("/rules/" + ruleSet + ".drl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static ChannelFact channel(String code, Set<String> carriers, Set<String> provinces, double successRate,
                               long latencyP95, int inFlight, int capacity, String circuit, long quota) {
        return new ChannelFact(code, carriers, provinces, Set.of(), 0.97, successRate, latencyP95, inFlight, capacity, circuit, quota);
    }

    @Test
    void onlyUsableChannelsThatServeTheOrderAreCandidates() {
        List<ChannelFact> channels = List.of(
                channel("ALL", Set.of("CHINA_MOBILE"), Set.of(), 0.99, 300, 10, 100, "CLOSED", 1_000),
                channel("GUANGDONG", Set.of("CHINA_MOBILE"), Set.of("广东"), 0.99, 300, 10, 100, "CLOSED", 1_000),
                channel("OPEN", Set.of("CHINA_MOBILE"), Set.of(), 0.99, 300, 10, 100, "OPEN", 1_000),
                channel("NO-QUOTA", Set.of("CHINA_MOBILE"), Set.of(), 0.99, 300, 10, 100, "CLOSED", 0),
                channel("FULL", Set.of("CHINA_MOBILE"), Set.of(), 0.99, 300, 100, 100, "CLOSED", 1_000),
                channel("UNICOM", Set.of("CHINA_UNICOM"), Set.of(), 0.99, 300, 10, 100, "CLOSED", 1_000));

        RouteOutcome outcome = routing.route(BEIJING_MOBILE, channels, new RuleRandom(1));

        assertEquals(List.of("ALL"), outcome.ranked().stream().map(RouteCandidate::channel).toList());
        assertEquals(Map.of("OPEN", "circuit open", "NO-QUOTA", "daily quota used up", "FULL", "no spare capacity"),
                outcome.excluded());
        assertTrue(outcome.firedRules().contains("Score channels that serve the order"));
        assertTrue(outcome.firedRules().contains("Weighted random pick among eligible channels"));
        assertEquals(1, outcome.version());
    }

    @Test
    void scoreIsPointFourLatencyPointFourSuccessPointTwoSpareCapacity() {
        ChannelFact channel = channel("A", Set.of("CHINA_MOBILE"), Set.of(), 0.9, 600, 25, 100, "CLOSED", 1_000);
        RouteOutcome outcome = routing.route(BEIJING_MOBILE, List.of(channel), new RuleRandom(1));
        double expected = 0.4 * (1 - 600.0 / 3_000) + 0.4 * 0.9 + 0.2 * 0.75;
        assertEquals(expected, outcome.ranked().get(0).score(), 1e-9);
    }

    @Test
    void weightedPickFollowsTheScores() {
        ChannelFact strong = channel("STRONG", Set.of("CHINA_MOBILE"), Set.of(), 1.0, 0, 0, 100, "CLOSED", 1_000);
        ChannelFact weak = channel("WEAK", Set.of("CHINA_MOBILE"), Set.of(), 0.25, 3_000, 0, 100, "CLOSED", 1_000);
        // scores: strong 0.4 + 0.4 + 0.2 = 1.0, weak 0 + 0.1 + 0.2 = 0.3 -> strong first in 1/1.3 of draws
        Map<String, Integer> first = new HashMap<>();
        int draws = 4_000;
        for (int seed = 0; seed < draws; seed++) {
            RouteOutcome outcome = routing.route(BEIJING_MOBILE, List.of(strong, weak), new RuleRandom(seed));
            assertEquals(2, outcome.ranked().size());
            first.merge(outcome.ranked().get(0).channel(), 1, Integer::sum);
        }
        double strongShare = first.get("STRONG") / (double) draws;
        assertEquals(1 / 1.3, strongShare, 0.03);
    }

    @Test
    void noUsableChannelGivesAnEmptyRanking() {
        ChannelFact open = channel("OPEN", Set.of("CHINA_MOBILE"), Set.of(), 0.99, 300, 10, 100, "OPEN", 1_000);
        RouteOutcome outcome = routing.route(BEIJING_MOBILE, List.of(open), new RuleRandom(1));
        assertTrue(outcome.ranked().isEmpty());
        assertEquals(Map.of("OPEN", "circuit open"), outcome.excluded());
    }
}
