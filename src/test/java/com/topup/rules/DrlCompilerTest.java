package com.topup.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.RuleRandom;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DrlCompilerTest {

    private static final String HEADER = """
            package com.topup.rules.routing;
            import com.topup.rules.model.OrderFact;
            import com.topup.rules.model.ChannelFact;
            import com.topup.rules.model.RouteDecision;
            import com.topup.rules.model.RuleRandom;
            global RouteDecision decision;
            global RuleRandom random;
            """;

    private static DrlCompiler compiler;

    @BeforeAll
    static void start() {
        compiler = new DrlCompiler(RuleVocabulary::sandbox, 2, 60_000);
    }

    @AfterAll
    static void stop() {
        compiler.close();
    }

    @Test
    void syntaxErrorsComeBackWithTheirLine() {
        CompilationResult result = compiler.compile("routing", HEADER + """
                rule "broken"
                    when
                        $c : ChannelFact( successRate > )
                    then
                end
                """);
        assertFalse(result.succeeded());
        assertTrue(result.errors().stream().anyMatch(e -> e.line() == 10), () -> result.errors().toString());
    }

    @Test
    void matchesRunsOnTheLinearTimeEngine() {
        CompilationResult result = compiler.compile("routing", HEADER + """
                rule "A channels"
                    when
                        $c : ChannelFact( code matches "A-[0-9]+" )
                    then
                        decision.propose($c, 1.0, "A");
                end
                """);
        assertTrue(result.succeeded(), () -> result.errors().toString());
        List<ChannelFact> channels = List.of(SeedRoutingRulesTest.channel("A-1", Set.of("CHINA_MOBILE"), Set.of(), 0.9, 100, 0,
                10, "CLOSED", 10), SeedRoutingRulesTest.channel("B-1", Set.of("CHINA_MOBILE"), Set.of(), 0.9, 100, 0, 10, "CLOSED", 10));
        try (RuleSetRuntime runtime = new RuleSetRuntime("routing", 1, result.kieBase(), new RuleLimits(100, 5_000))) {
            assertEquals(List.of("A-1"), runtime.route(SeedRoutingRulesTest.BEIJING_MOBILE, channels, new RuleRandom(1)).ranked()
                    .stream().map(com.topup.rules.model.RouteCandidate::channel).toList());
        }
    }

    @Test
    void sandboxRefusalsNeverReachTheEngine() {
        CompilationResult result = compiler.compile("routing", HEADER + """
                rule "escape"
                    when
                        $c : ChannelFact()
                    then
                        System.exit(1);
                end
                """);
        assertFalse(result.succeeded());
        assertTrue(result.errors().stream().anyMatch(e -> e.line() == 12 && e.message().contains("System")),
                () -> result.errors().toString());
    }

    @Test
    void unknownTypesAreErrors() {
        CompilationResult result = compiler.compile("routing", HEADER + """
                rule "unknown fact"
                    when
                        $x : NoSuchFact()
                    then
                end
                """);
        assertFalse(result.succeeded());
    }

    @Test
    void duplicateRuleNamesAreErrors() {
        String rule = """
                rule "same name"
                    when
                        $c : ChannelFact()
                    then
                end
                """;
        CompilationResult result = compiler.compile("routing", HEADER + rule + rule);
        assertFalse(result.succeeded(), "a duplicate rule name must not compile");
    }

    @Test
    void concurrentBuildsDoNotSeeEachOthersRules() throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> compiler.compile("routing", HEADER + "rule \"only in A\" when $c : ChannelFact() then end\n"));
            var b = pool.submit(() -> compiler.compile("routing", HEADER + "rule \"only in B\" when $c : ChannelFact() then end\n"));
            var kbA = a.get().kieBase();
            var kbB = b.get().kieBase();
            assertEquals(Set.of("only in A"), ruleNames(kbA));
            assertEquals(Set.of("only in B"), ruleNames(kbB));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Three channel patterns over ten channels: a thousand matches of one rule. */
    private static final String CROSS_PRODUCT = """
            rule "cross product"
                when
                    $a : ChannelFact()
                    $b : ChannelFact()
                    $c : ChannelFact()
                then
                    decision.propose($a, 0.5, "x" + $b.getCode() + $c.getCode());
            end
            """;

    private static List<ChannelFact> channels(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> SeedRoutingRulesTest.channel("C" + i, Set.of("CHINA_MOBILE"),
                Set.of(), 0.9, 100, 0, 10, "CLOSED", 10)).toList();
    }

    @Test
    void runawayRulesTripTheFiringLimit() {
        CompilationResult result = compiler.compile("routing", HEADER + CROSS_PRODUCT);
        assertTrue(result.succeeded(), () -> result.errors().toString());
        try (RuleSetRuntime runtime = new RuleSetRuntime("routing", 9, result.kieBase(), new RuleLimits(500, 5_000))) {
            RuleGuardViolation violation = assertThrows(RuleGuardViolation.class,
                    () -> runtime.route(SeedRoutingRulesTest.BEIJING_MOBILE, channels(10), new RuleRandom(1)));
            assertTrue(violation.getMessage().contains("500 rule firings"), violation.getMessage());
        }
    }

    @Test
    void aWarmedRuntimeIsStoppedByItsCpuBudgetInsideTheEngine() {
        CompilationResult result = compiler.compile("routing", HEADER + CROSS_PRODUCT);
        assertTrue(result.succeeded(), () -> result.errors().toString());
        try (RuleSetRuntime runtime = new RuleSetRuntime("routing", 9, result.kieBase(),
                new RuleLimits(5_000_000, 5, Long.MAX_VALUE)).warmUp()) {
            RuleGuardViolation violation = assertThrows(RuleGuardViolation.class,
                    () -> runtime.route(SeedRoutingRulesTest.BEIJING_MOBILE, channels(60), new RuleRandom(1)));
            assertEquals("cpu", violation.budget(), violation.getMessage());
            assertEquals("cross product", violation.rule());
        }
    }

    @Test
    void aDecisionIsStoppedByItsAllocationBudgetInsideTheEngine() {
        CompilationResult result = compiler.compile("routing", HEADER + CROSS_PRODUCT);
        assertTrue(result.succeeded(), () -> result.errors().toString());
        try (RuleSetRuntime runtime = new RuleSetRuntime("routing", 9, result.kieBase(),
                new RuleLimits(5_000_000, 60_000, 1 << 20)).warmUp()) {
            RuleGuardViolation violation = assertThrows(RuleGuardViolation.class,
                    () -> runtime.route(SeedRoutingRulesTest.BEIJING_MOBILE, channels(30), new RuleRandom(1)));
            assertEquals("allocation", violation.budget(), violation.getMessage());
            // the same runtime decides normally afterwards: the stopped session was discarded, not reused
            assertEquals(1, runtime.route(SeedRoutingRulesTest.BEIJING_MOBILE, channels(1), new RuleRandom(1)).ranked().size());
        }
    }

    @Test
    void aFailingConsequenceIsReportedWithItsRule() {
        CompilationResult result = compiler.compile("routing", HEADER + """
                rule "divides by zero"
                    when
                        $c : ChannelFact()
                    then
                        int zero = 0;
                        int boom = 1 / zero;
                end
                """);
        assertTrue(result.succeeded(), () -> result.errors().toString());
        ChannelFact channel = SeedRoutingRulesTest.channel("A", Set.of("CHINA_MOBILE"), Set.of(), 0.9, 100, 0, 10, "CLOSED", 10);
        try (RuleSetRuntime runtime = new RuleSetRuntime("routing", 9, result.kieBase(), new RuleLimits(500, 5_000))) {
            RuleGuardViolation violation = assertThrows(RuleGuardViolation.class,
                    () -> runtime.route(SeedRoutingRulesTest.BEIJING_MOBILE, List.of(channel), new RuleRandom(1)));
            assertEquals("divides by zero", violation.rule());
        }
    }

    private static Set<String> ruleNames(org.kie.api.KieBase kieBase) {
        return kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream()).map(org.kie.api.definition.rule.Rule::getName)
                .collect(java.util.stream.Collectors.toSet());
    }
}
