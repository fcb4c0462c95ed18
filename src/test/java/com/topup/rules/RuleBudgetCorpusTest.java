package com.topup.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.OrderFact;
import com.topup.rules.model.RuleRandom;
import com.topup.rules.sandbox.RuleCorpus;
import com.topup.rules.worker.WorkerBudget;
import com.topup.rules.worker.WorkerPool;
import com.topup.rules.worker.WorkerRequest;
import com.topup.rules.worker.WorkerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Texts that pass the sandbox but do too much work per decision (sandbox/budget) are stopped by a budget in a real
 * worker process, with the rule and the budget named; the worker is replaced and the next job succeeds; this JVM's
 * heap never sees the work. Prints the slowest stop and the decision time of the seed rules with the guard on.
 */
class RuleBudgetCorpusTest {

    static final WorkerBudget BUDGET = new WorkerBudget(200, 64L << 20, 10_000, 20_000, 4L << 30);

    private static WorkerPool pool;

    @BeforeAll
    static void start() {
        pool = new WorkerPool(RuleWorkers.command("384m"), 1, 60_000);
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Test
    void textsThatPassTheSandboxButOverrunAreStoppedByABudget() throws Exception {
        String seed = RuleCorpus.seed("routing");
        assertEquals(WorkerResponse.OK, pool.call(new WorkerRequest(0, RuleTrials.COMPILE, "routing", seed, BUDGET, null), 120_000)
                .outcome(), "a warm worker to start with");
        List<RuleCorpus.Case> cases = RuleCorpus.budget();
        long slowest = 0;
        String slowestName = null;
        List<String> notStopped = new ArrayList<>();
        for (RuleCorpus.Case c : cases) {
            assertTrue(RuleVocabulary.sandbox(c.ruleSet()).check(c.drl()).accepted(), c.name() + " must pass the sandbox");
            long start = System.nanoTime();
            WorkerResponse response = pool.call(new WorkerRequest(0, RuleTrials.TRIAL, c.ruleSet(), c.drl(), BUDGET, null), 120_000);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (!WorkerResponse.STOPPED.equals(response.outcome()) || response.stop() == null
                    || !Set.of("cpu", "allocation").contains(response.stop().budget())) {
                notStopped.add(c.name() + ": " + response);
            } else {
                WorkerResponse.Stop stop = response.stop();
                System.out.printf("SANDBOX CORPUS: %s stopped by %s after %d ms (compile included)%n", c.name(),
                        stop.limit() < 0 ? "the worker's heap limit" : "its " + stop.budget() + " budget (" + stop.limit()
                                + ") in rule \"" + stop.rule() + "\"", millis);
            }
            if (millis > slowest) {
                slowest = millis;
                slowestName = c.name();
            }
            WorkerResponse after = pool.call(new WorkerRequest(0, RuleTrials.COMPILE, "routing", seed, BUDGET, null), 120_000);
            assertEquals(WorkerResponse.OK, after.outcome(), "the next job after " + c.name() + " runs on a healthy worker");
        }
        System.out.printf("SANDBOX CORPUS: %d texts that pass the sandbox, %d stopped by a budget, slowest stop %d ms (%s)%n",
                cases.size(), cases.size() - notStopped.size(), slowest, slowestName);
        assertTrue(cases.size() >= 5);
        assertEquals(List.of(), notStopped);
        Runtime rt = Runtime.getRuntime();
        assertTrue(rt.totalMemory() - rt.freeMemory() < rt.maxMemory() * 0.9, "this JVM's heap is untouched");
    }

    @Test
    void decisionTimeOfTheSeedRulesWithTheGuardOn() throws Exception {
        try (DrlCompiler compiler = new DrlCompiler(RuleVocabulary::sandbox, 1, 120_000)) {
            CompilationResult compiled = compiler.compile("routing", RuleCorpus.seed("routing"));
            assertTrue(compiled.succeeded(), () -> compiled.errors().toString());
            List<ChannelFact> channels = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                channels.add(new ChannelFact("CH" + i, Set.of("CHINA_MOBILE", "CHINA_UNICOM"), Set.of(), Set.of(), 0.95,
                        0.9 + i * 0.005, 100 + i * 50L, i, 50, i == 7 ? "OPEN" : "CLOSED", 100_000));
            }
            OrderFact order = new OrderFact("T1", "m", "STANDARD", "CHINA_MOBILE", "广东", null, 10_000, 9_850, 1, 0);
            try (RuleSetRuntime runtime = new RuleSetRuntime("routing", 1, compiled.kieBase(), new RuleLimits(10_000, 200)).warmUp()) {
                for (int i = 0; i < 20_000; i++) {
                    runtime.route(order, channels, new RuleRandom(i));
                }
                int n = 50_000;
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    runtime.route(order, channels, new RuleRandom(i));
                }
                double micros = (System.nanoTime() - start) / 1_000.0 / n;
                System.out.printf("SANDBOX CORPUS: seed routing decision with CPU and allocation guards on: %.1f µs "
                        + "(%,.0f decisions/s, one thread, 10 channels)%n", micros, 1_000_000 / micros);
                assertTrue(micros < 5_000);
            }
        }
    }
}
