package com.topup.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.rules.model.AnomalyFact;
import com.topup.rules.model.AnomalyKind;
import com.topup.rules.model.FailureFact;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An instance that has not loaded its rules (it is starting) decides nothing — no safe default — and says it is not
 * ready; it becomes ready, and wakes whoever waits, when the last rule set is loaded.
 */
class RulesReadinessTest {

    private static final AnomalyFact STUCK = new AnomalyFact(AnomalyKind.STUCK_PROCESSING, "T1", "PROCESSING", "A", null,
            60_000, 0, null, 10_000, 0, 0, 0);

    @RegisterExtension
    static final SandboxCompiler compiler = new SandboxCompiler();

    @Test
    void withoutItsRulesAnInstanceDecidesNothingRatherThanTakeTheSafeDefault() {
        DecisionService decisions = new DecisionService(new LiveRules(), new SimpleMeterRegistry());

        RulesNotLoaded repair = assertThrows(RulesNotLoaded.class,
                () -> decisions.decideRepair(STUCK, SeedRoutingRulesTest.BEIJING_MOBILE));
        assertEquals(503, repair.status());
        assertEquals("RULES_NOT_READY", repair.code());
        assertEquals(Map.of("notLoaded", List.of("repair")), repair.details());
        assertThrows(RulesNotLoaded.class, () -> decisions.decideRoute(SeedRoutingRulesTest.BEIJING_MOBILE, List.of(), 1));
        assertThrows(RulesNotLoaded.class, () -> decisions.decideFallback(SeedRoutingRulesTest.BEIJING_MOBILE,
                new FailureFact("A", "REJECTED", "E1", 10), List.of()));
    }

    @Test
    void notReadyUntilEveryRuleSetIsLoaded() {
        LiveRules live = new LiveRules();
        RulesReadiness readiness = new RulesReadiness(live);
        RulesLoadedCheck check = new RulesLoadedCheck(live);
        assertFalse(readiness.ready());
        assertEquals(RuleSets.ALL, live.notLoaded());
        assertEquals(HealthCheckResponse.Status.DOWN, check.call().getStatus());
        assertThrows(RulesNotLoaded.class, readiness::requireReady);

        live.swap(RuleSets.ROUTING, seed(RuleSets.ROUTING, 1));
        live.swap(RuleSets.FALLBACK, seed(RuleSets.FALLBACK, 1));

        assertFalse(readiness.ready(), "routing alone was enough before; the repair rules are needed too");
        assertFalse(readiness.loaded(RuleSets.REPAIR));
        HealthCheckResponse partly = check.call();
        assertEquals(HealthCheckResponse.Status.DOWN, partly.getStatus());
        assertEquals("not loaded", partly.getData().orElseThrow().get("repair"));
        assertEquals("v1", partly.getData().orElseThrow().get("routing"));
        DecisionService decisions = new DecisionService(live, new SimpleMeterRegistry());
        assertThrows(RulesNotLoaded.class, () -> decisions.decideRepair(STUCK, SeedRoutingRulesTest.BEIJING_MOBILE));

        live.swap(RuleSets.REPAIR, seed(RuleSets.REPAIR, 3));

        assertTrue(readiness.ready());
        readiness.requireReady();
        assertEquals(HealthCheckResponse.Status.UP, check.call().getStatus());
        RepairOutcome decided = decisions.decideRepair(STUCK, SeedRoutingRulesTest.BEIJING_MOBILE);
        assertEquals(3, decided.version(), "the repair rules decide, not the safe default");
    }

    @Test
    void aWaitEndsWhenTheLastRuleSetIsLoadedOrWhenItsTimeIsUp() throws Exception {
        LiveRules live = new LiveRules();
        RulesReadiness readiness = new RulesReadiness(live);
        live.swap(RuleSets.ROUTING, seed(RuleSets.ROUTING, 1));
        live.swap(RuleSets.FALLBACK, seed(RuleSets.FALLBACK, 1));
        assertFalse(readiness.awaitReady(Duration.ofMillis(50)));

        RuleSetRuntime repair = seed(RuleSets.REPAIR, 1);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> readiness.awaitReady(Duration.ofMinutes(2)));
        assertFalse(waiting.isDone());
        long loadedAt = System.nanoTime();
        live.swap(RuleSets.REPAIR, repair);

        assertTrue(waiting.get(30, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - loadedAt < TimeUnit.SECONDS.toNanos(10), "woken by the load, not by its time limit");
    }

    @Test
    void unloadingLeavesAStartingInstanceAndHandsTheVersionsBack() {
        LiveRules live = new LiveRules();
        for (String ruleSet : RuleSets.ALL) {
            live.swap(ruleSet, seed(ruleSet, 1));
        }
        live.swap(RuleSets.ROUTING, seed(RuleSets.ROUTING, 2));

        Map<String, RuleSetRuntime> unloaded = live.unloadAll();

        assertEquals(RuleSets.ALL, live.notLoaded());
        assertTrue(live.previous(RuleSets.ROUTING).isEmpty());
        assertEquals(2, unloaded.get(RuleSets.ROUTING).version());
        unloaded.forEach(live::swap);
        assertTrue(live.notLoaded().isEmpty());
    }

    private static RuleSetRuntime seed(String ruleSet, int version) {
        CompilationResult compiled = compiler.compile(ruleSet, seedText(ruleSet));
        if (!compiled.succeeded()) {
            throw new AssertionError(compiled.errors());
        }
        return new RuleSetRuntime(ruleSet, version, compiled.kieBase(), new RuleLimits(10_000, 1_000));
    }

    private static String seedText(String ruleSet) {
        try (InputStream in = RulesReadinessTest.class.getResourceAsStream("/rules/" + ruleSet + ".drl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
