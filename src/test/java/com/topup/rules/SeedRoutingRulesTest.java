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

/**
 * The routing rules a fresh database starts with: the live seed (the brief's decision table on each channel's
 * predicted success, with exploration) and the earlier seed kept as v1 for rollback (scores and a weighted pick).
 */
class SeedRoutingRulesTest {

    private static DrlCompiler compiler;
    private static RuleSetRuntime routing;
    private static RuleSetRuntime earlier;

    static final OrderFact BEIJING_MOBILE = new OrderFact("T1", "demo-merchant", "STANDARD", "CHINA_MOBILE", "北京", "北京",
            10_000, 9_850, 1, 1_000);

    @BeforeAll
    static void compileSeedRules() throws IOException {
        compiler = new DrlCompiler(RuleVocabulary::sandbox, 1, 60_000);
        CompilationResult result = compiler.compile("routing", seed("routing"));
        assertTrue(result.succeeded(), () -> "seed routing rules compile: " + result.errors());
        routing = new RuleSetRuntime("routing", 2, result.kieBase(), new RuleLimits(1_000, 1_000));
        CompilationResult v1 = compiler.compile("routing", earlierSeed("routing"));
        assertTrue(v1.succeeded(), () -> "earlier seed routing rules compile: " + v1.errors());
        earlier = new RuleSetRuntime("routing", 1, v1.kieBase(), new RuleLimits(1_000, 1_000));
    }

    @AfterAll
    static void close() {
        routing.close();
        earlier.close();
        compiler.close();
    }

    static String seed(String ruleSet) throws IOException {
        try (InputStream in = SeedRoutingRulesTest.class.getResourceAsStream("/rules/" + ruleSet + ".drl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String earlierSeed(String ruleSet) throws IOException {
        try (InputStream in = SeedRoutingRulesTest.class.getResourceAsStream("/rules/earlier/" + ruleSet + "-1.drl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A usable channel for China Mobile with a prediction: predicted success, its confidence and the cost rate. */
    static ChannelFact predicted(String code, double predictedSuccess, double confidence, double costRate) {
        return new ChannelFact(code, Set.of("CHINA_MOBILE"), Set.of(), Set.of(), costRate, 0.9, 500, 0, 100, "CLOSED",
                1_000, predictedSuccess, confidence, confidence * 100, 400);
    }

    static ChannelFact channel(String code, Set<String> carriers, Set<String> provinces, double successRate,
                               long latencyP95, int inFlight, int capacity, String circuit, long quota) {
        return new ChannelFact(code, carriers, provinces, Set.of(), 0.97, successRate, latencyP95, inFlight, capacity, circuit, quota);
    }

    private static final OrderFact WAITED = new OrderFact("T1", "demo-merchant", "STANDARD", "CHINA_MOBILE", "北京", "北京",
            10_000, 9_850, 2, 31_000);

    private static List<String> ranked(RouteOutcome outcome) {
        return outcome.ranked().stream().map(RouteCandidate::channel).toList();
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

        assertEquals(List.of("ALL"), ranked(outcome));
        assertEquals(Map.of("OPEN", "circuit open", "NO-QUOTA", "daily quota used up", "FULL", "no spare capacity"),
                outcome.excluded());
        assertEquals(2, outcome.version());
    }

    @Test
    void preferredChannelsComeFirstThenUsableOnesAndChannelsBelowSeventyPercentAreAvoided() {
        List<ChannelFact> channels = List.of(
                predicted("RELIABLE", 0.97, 0.9, 0.97),
                predicted("CHEAPER", 0.95, 0.9, 0.94),
                predicted("MIDDLING", 0.80, 0.9, 0.90),
                predicted("POOR", 0.60, 0.9, 0.90));
        Map<List<String>, Integer> rankings = new HashMap<>();
        int decisions = 4_000;
        for (int seed = 0; seed < decisions; seed++) {
            rankings.merge(ranked(routing.route(BEIJING_MOBILE, channels, new RuleRandom(seed))), 1, Integer::sum);
        }
        // within the preferred band, predicted success less cost: CHEAPER 0.01 before RELIABLE 0.00
        List<String> usual = List.of("CHEAPER", "RELIABLE", "MIDDLING");
        List<String> probe = List.of("POOR", "CHEAPER", "RELIABLE", "MIDDLING");
        assertEquals(Set.of(usual, probe), rankings.keySet(), "only these two rankings occur: " + rankings);
        assertEquals(0.01, rankings.get(probe) / (double) decisions, 0.005, "the avoided channel is probed for 1 % of orders");
        RouteOutcome one = routing.route(BEIJING_MOBILE, channels, new RuleRandom(seedWhere(channels, usual)));
        assertTrue(one.firedRules().contains("Prefer channels predicted to succeed at least 85 %"));
        assertTrue(one.firedRules().contains("Use channels predicted at 70 to 85 %"));
    }

    @Test
    void withEveryChannelBelowSeventyPercentNothingIsProposedUntilTheOrderHasWaitedThirtySeconds() {
        List<ChannelFact> channels = List.of(predicted("POOR", 0.60, 0.9, 0.90), predicted("WORSE", 0.40, 0.9, 0.90));
        List<String> firstTry = ranked(routing.route(BEIJING_MOBILE, channels, new RuleRandom(seedWhere(channels, List.of()))));
        assertEquals(List.of(), firstTry, "the fallback rules then retry in 30 s");
        RouteOutcome afterWaiting = routing.route(WAITED, channels, new RuleRandom(1));
        assertEquals(List.of("POOR", "WORSE"), ranked(afterWaiting));
        assertTrue(afterWaiting.firedRules().contains("Avoid channels predicted below 70 % until the order has waited 30 s"));
    }

    @Test
    void aChannelWithFewAttemptsGetsTheBenefitOfTheDoubt() {
        // scores: NEW 2 + 0.93 + 0.05 x (1 - 0) - 0.97 = 2.01, KNOWN 2 + 0.97 + 0.05 x (1 - 1) - 0.97 = 2.00
        List<ChannelFact> channels = List.of(predicted("KNOWN", 0.97, 1.0, 0.97), predicted("NEW", 0.93, 0.0, 0.97));
        RouteOutcome outcome = routing.route(BEIJING_MOBILE, channels, new RuleRandom(seedWhere(channels, List.of("NEW", "KNOWN"))));
        assertEquals(2.01, outcome.ranked().get(0).score(), 1e-9);
        assertEquals(2.00, outcome.ranked().get(1).score(), 1e-9);
    }

    @Test
    void aChannelWithFewAttemptsOutsideThePreferredBandIsExploredForTwoPercentOfOrders() {
        List<ChannelFact> channels = List.of(predicted("KNOWN", 0.95, 0.9, 0.97), predicted("UNSURE", 0.80, 0.1, 0.90));
        int unsureFirst = 0;
        int decisions = 4_000;
        for (int seed = 0; seed < decisions; seed++) {
            List<String> ranking = ranked(routing.route(BEIJING_MOBILE, channels, new RuleRandom(seed)));
            assertEquals(2, ranking.size());
            if (ranking.get(0).equals("UNSURE")) {
                unsureFirst++;
            }
        }
        assertEquals(0.02, unsureFirst / (double) decisions, 0.006, "explored for about 2 % of orders");
    }

    @Test
    void aHalfOpenChannelGoesFirstSoItsProbesHappen() {
        ChannelFact halfOpen = new ChannelFact("RECOVERING", Set.of("CHINA_MOBILE"), Set.of(), Set.of(), 0.97, 0.4, 500, 0,
                100, "HALF_OPEN", 1_000, 0.5, 0.9, 90, 400);
        List<ChannelFact> channels = List.of(predicted("KNOWN", 0.95, 0.9, 0.97), halfOpen);
        for (int seed = 0; seed < 200; seed++) {
            assertEquals("RECOVERING", ranked(routing.route(BEIJING_MOBILE, channels, new RuleRandom(seed))).get(0),
                    "the breaker decides how many probes go through; the rules put the channel first");
        }
    }

    @Test
    void noExplorationOnALaterAttempt() {
        List<ChannelFact> channels = List.of(predicted("KNOWN", 0.90, 0.9, 0.97), predicted("NEW", 0.97, 0.1, 0.90),
                predicted("POOR", 0.5, 0.9, 0.90));
        OrderFact second = new OrderFact("T1", "demo-merchant", "STANDARD", "CHINA_MOBILE", "北京", "北京", 10_000, 9_850, 2, 5_000);
        for (int seed = 0; seed < 500; seed++) {
            assertEquals(List.of("NEW", "KNOWN"), ranked(routing.route(second, channels, new RuleRandom(seed))),
                    "ranked by score only, the channel below 70 % left out");
        }
    }

    private static long seedWhere(List<ChannelFact> channels, List<String> ranking) {
        for (long seed = 0; ; seed++) {
            if (ranked(routing.route(BEIJING_MOBILE, channels, new RuleRandom(seed))).equals(ranking)) {
                return seed;
            }
        }
    }

    @Test
    void earlierSeedOnlyProposesUsableChannelsThatServeTheOrder() {
        List<ChannelFact> channels = List.of(
                channel("ALL", Set.of("CHINA_MOBILE"), Set.of(), 0.99, 300, 10, 100, "CLOSED", 1_000),
                channel("GUANGDONG", Set.of("CHINA_MOBILE"), Set.of("广东"), 0.99, 300, 10, 100, "CLOSED", 1_000),
                channel("OPEN", Set.of("CHINA_MOBILE"), Set.of(), 0.99, 300, 10, 100, "OPEN", 1_000),
                channel("NO-QUOTA", Set.of("CHINA_MOBILE"), Set.of(), 0.99, 300, 10, 100, "CLOSED", 0),
                channel("FULL", Set.of("CHINA_MOBILE"), Set.of(), 0.99, 300, 100, 100, "CLOSED", 1_000),
                channel("UNICOM", Set.of("CHINA_UNICOM"), Set.of(), 0.99, 300, 10, 100, "CLOSED", 1_000));

        RouteOutcome outcome = earlier.route(BEIJING_MOBILE, channels, new RuleRandom(1));

        assertEquals(List.of("ALL"), outcome.ranked().stream().map(RouteCandidate::channel).toList());
        assertEquals(Map.of("OPEN", "circuit open", "NO-QUOTA", "daily quota used up", "FULL", "no spare capacity"),
                outcome.excluded());
        assertTrue(outcome.firedRules().contains("Score channels that serve the order"));
        assertTrue(outcome.firedRules().contains("Weighted random pick among eligible channels"));
        assertEquals(1, outcome.version());
    }

    @Test
    void earlierSeedScoresPointFourLatencyPointFourSuccessPointTwoSpareCapacity() {
        ChannelFact channel = channel("A", Set.of("CHINA_MOBILE"), Set.of(), 0.9, 600, 25, 100, "CLOSED", 1_000);
        RouteOutcome outcome = earlier.route(BEIJING_MOBILE, List.of(channel), new RuleRandom(1));
        double expected = 0.4 * (1 - 600.0 / 3_000) + 0.4 * 0.9 + 0.2 * 0.75;
        assertEquals(expected, outcome.ranked().get(0).score(), 1e-9);
    }

    @Test
    void earlierSeedWeightedPickFollowsTheScores() {
        ChannelFact strong = channel("STRONG", Set.of("CHINA_MOBILE"), Set.of(), 1.0, 0, 0, 100, "CLOSED", 1_000);
        ChannelFact weak = channel("WEAK", Set.of("CHINA_MOBILE"), Set.of(), 0.25, 3_000, 0, 100, "CLOSED", 1_000);
        // scores: strong 0.4 + 0.4 + 0.2 = 1.0, weak 0 + 0.1 + 0.2 = 0.3 -> strong first in 1/1.3 of draws
        Map<String, Integer> first = new HashMap<>();
        int draws = 4_000;
        for (int seed = 0; seed < draws; seed++) {
            RouteOutcome outcome = earlier.route(BEIJING_MOBILE, List.of(strong, weak), new RuleRandom(seed));
            assertEquals(2, outcome.ranked().size());
            first.merge(outcome.ranked().get(0).channel(), 1, Integer::sum);
        }
        double strongShare = first.get("STRONG") / (double) draws;
        assertEquals(1 / 1.3, strongShare, 0.03);
    }

    @Test
    void earlierSeedWithoutUsableChannelGivesAnEmptyRanking() {
        ChannelFact open = channel("OPEN", Set.of("CHINA_MOBILE"), Set.of(), 0.99, 300, 10, 100, "OPEN", 1_000);
        RouteOutcome outcome = earlier.route(BEIJING_MOBILE, List.of(open), new RuleRandom(1));
        assertTrue(outcome.ranked().isEmpty());
        assertEquals(Map.of("OPEN", "circuit open"), outcome.excluded());
    }
}
