package com.topup.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.FailureFact;
import com.topup.rules.model.FallbackAction;
import com.topup.rules.model.OrderFact;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The starting fallback policy, written in DRL, decides as the product's design says. */
class SeedFallbackRulesTest {

    private static DrlCompiler compiler;
    private static RuleSetRuntime fallback;

    private static final ChannelFact HEALTHY = SeedRoutingRulesTest.channel("HEALTHY", Set.of("CHINA_MOBILE"), Set.of(), 0.95,
            300, 0, 10, "CLOSED", 100);
    private static final ChannelFact POOR = SeedRoutingRulesTest.channel("POOR", Set.of("CHINA_MOBILE"), Set.of(), 0.5,
            300, 0, 10, "CLOSED", 100);

    @BeforeAll
    static void compileSeedRules() throws IOException {
        compiler = new DrlCompiler(RuleVocabulary::sandbox, 1, 60_000);
        CompilationResult result = compiler.compile("fallback", SeedRoutingRulesTest.seed("fallback"));
        assertTrue(result.succeeded(), () -> "seed fallback rules compile: " + result.errors());
        fallback = new RuleSetRuntime("fallback", 1, result.kieBase(), new RuleLimits(1_000, 1_000));
    }

    @AfterAll
    static void close() {
        fallback.close();
        compiler.close();
    }

    private static OrderFact order(int attempt, long ageMillis) {
        return new OrderFact("T1", "m", "STANDARD", "CHINA_MOBILE", "北京", null, 10_000, 9_850, attempt, ageMillis);
    }

    private static FailureFact failure(String errorClass) {
        return new FailureFact("FAILED", errorClass, "E1", 800);
    }

    @Test
    void rejectedOrOutOfStockMovesToTheNextChannel() {
        for (String errorClass : List.of("REJECTED", "OUT_OF_STOCK")) {
            FallbackOutcome outcome = fallback.fallback(order(1, 1_000), failure(errorClass), List.of(HEALTHY));
            assertEquals(FallbackAction.NEXT_CHANNEL, outcome.action());
            assertFalse(outcome.queryFirst());
        }
    }

    @Test
    void timeoutQueriesTheChannelThenMovesOn() {
        FallbackOutcome outcome = fallback.fallback(order(1, 1_000), failure("TIMEOUT"), List.of(HEALTHY));
        assertEquals(FallbackAction.NEXT_CHANNEL, outcome.action());
        assertTrue(outcome.queryFirst());
        assertTrue(outcome.firedRules().contains("Timeout: query the channel, then next channel"));
    }

    @Test
    void onlyPoorChannelsLeftRetriesInThirtySeconds() {
        FallbackOutcome outcome = fallback.fallback(order(2, 1_000), failure("REJECTED"), List.of(POOR));
        assertEquals(FallbackAction.RETRY_LATER, outcome.action());
        assertEquals(30_000, outcome.delayMillis());
    }

    @Test
    void theRetryFollowsThePredictionsNotTheWindowsSuccessRate() {
        ChannelFact poorWindowGoodPrediction = new ChannelFact("RECOVERED", Set.of("CHINA_MOBILE"), Set.of(), Set.of(), 0.95,
                0.5, 300, 0, 10, "CLOSED", 100, 0.9, 0.8, 80, 300);
        ChannelFact goodWindowPoorPrediction = new ChannelFact("SLIPPING", Set.of("CHINA_MOBILE"), Set.of(), Set.of(), 0.95,
                0.95, 300, 0, 10, "CLOSED", 100, 0.6, 0.8, 80, 300);
        assertEquals(FallbackAction.NEXT_CHANNEL,
                fallback.fallback(order(2, 1_000), failure("REJECTED"), List.of(poorWindowGoodPrediction)).action());
        FallbackOutcome waits = fallback.fallback(order(2, 1_000), failure("REJECTED"), List.of(goodWindowPoorPrediction));
        assertEquals(FallbackAction.RETRY_LATER, waits.action());
        assertTrue(waits.firedRules().contains("Every remaining channel predicted below 70 %: retry in 30 s"));
    }

    @Test
    void theEarlierSeedStillCompiles() throws IOException {
        CompilationResult v1 = compiler.compile("fallback", SeedRoutingRulesTest.earlierSeed("fallback"));
        assertTrue(v1.succeeded(), () -> v1.errors().toString());
    }

    @Test
    void limitsAndAnEmptyChannelListFailAndRefund() {
        assertEquals(FallbackAction.FAIL_AND_REFUND, fallback.fallback(order(5, 1_000), failure("REJECTED"), List.of(HEALTHY)).action());
        assertEquals(FallbackAction.FAIL_AND_REFUND, fallback.fallback(order(1, 600_001), failure("TIMEOUT"), List.of(HEALTHY)).action());
        assertEquals(FallbackAction.FAIL_AND_REFUND, fallback.fallback(order(1, 1_000), failure("REJECTED"), List.of()).action());
    }

    @Test
    void safeDefaultWhenRulesCannotDecide() {
        assertEquals(FallbackAction.NEXT_CHANNEL, DecisionService.safeFallback(List.of(HEALTHY)).action());
        assertEquals(FallbackAction.FAIL_AND_REFUND, DecisionService.safeFallback(List.of()).action());
    }
}
