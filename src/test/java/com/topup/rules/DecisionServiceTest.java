package com.topup.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.topup.rules.model.AnomalyFact;
import com.topup.rules.model.AnomalyKind;
import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.RepairAction;
import com.topup.rules.model.RouteCandidate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DecisionServiceTest {

    private static final String HEADER = """
            package com.topup.rules.routing;
            import com.topup.rules.model.OrderFact;
            import com.topup.rules.model.AnomalyFact;
import com.topup.rules.model.AnomalyKind;
import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.RepairAction;
            import com.topup.rules.model.RouteDecision;
            global RouteDecision decision;
            """;

    @RegisterExtension
    static final SandboxCompiler compiler = new SandboxCompiler();

    private static final List<ChannelFact> CHANNELS = List.of(
            SeedRoutingRulesTest.channel("GOOD", Set.of("CHINA_MOBILE"), Set.of(), 0.99, 100, 0, 10, "CLOSED", 10),
            SeedRoutingRulesTest.channel("OK", Set.of("CHINA_MOBILE"), Set.of(), 0.80, 100, 0, 10, "CLOSED", 10),
            SeedRoutingRulesTest.channel("OPEN", Set.of("CHINA_MOBILE"), Set.of(), 0.99, 100, 0, 10, "OPEN", 10));

    private static RuleSetRuntime runtime(int version, String rules) {
        CompilationResult result = compiler.compile("routing", HEADER + rules);
        if (!result.succeeded()) {
            throw new AssertionError(result.errors());
        }
        return new RuleSetRuntime("routing", version, result.kieBase(), new RuleLimits(100, 1_000));
    }

    private static final String PROPOSE_OK_ONLY = """
            rule "only OK"
                when
                    $c : ChannelFact( code == "OK" )
                then
                    decision.propose($c, 1.0, "only OK");
            end
            """;

    private static final String THROWS = """
            rule "throws"
                when
                    $c : ChannelFact()
                then
                    int zero = 0;
                    decision.propose($c, 1 / zero, "never");
            end
            """;

    @Test
    void brokenLiveVersionFallsBackToTheLastGoodOne() {
        LiveRules live = new LiveRules();
        live.swap("routing", runtime(1, PROPOSE_OK_ONLY));
        live.swap("routing", runtime(2, THROWS));
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();

        RouteOutcome outcome = new DecisionService(live, metrics).decideRoute(SeedRoutingRulesTest.BEIJING_MOBILE, CHANNELS, 7);

        assertEquals(1, outcome.version());
        assertEquals(List.of("OK"), outcome.ranked().stream().map(RouteCandidate::channel).toList());
        assertEquals(1.0, metrics.counter("topup_rule_guard_trips_total", "ruleSet", "routing", "version", "2").count());
    }

    @Test
    void withoutAGoodVersionTheSafeDefaultDecides() {
        LiveRules live = new LiveRules();
        live.swap("routing", runtime(3, THROWS));

        RouteOutcome outcome = new DecisionService(live, new SimpleMeterRegistry())
                .decideRoute(SeedRoutingRulesTest.BEIJING_MOBILE, CHANNELS, 7);

        assertNull(outcome.version());
        assertEquals(List.of("GOOD", "OK"), outcome.ranked().stream().map(RouteCandidate::channel).toList());
    }

    @Test
    void repairRulesThatBreakHoldTheAnomalyForAPerson() {
        CompilationResult looping = compiler.compile("repair", """
                package com.topup.rules.repair;
                import com.topup.rules.model.AnomalyFact;
                import com.topup.rules.model.RepairDecision;
                global RepairDecision decision;
                rule "breaks"
                    when
                        $a : AnomalyFact()
                    then
                        int zero = 0;
                        decision.flag("never " + 1 / zero);
                end
                """);
        if (!looping.succeeded()) {
            throw new AssertionError(looping.errors());
        }
        LiveRules live = new LiveRules();
        live.swap("repair", new RuleSetRuntime("repair", 4, looping.kieBase(), new RuleLimits(100, 1_000)));
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        AnomalyFact anomaly = new AnomalyFact(AnomalyKind.STUCK_PROCESSING, "T1", "PROCESSING", "A", null, 60_000, 0,
                null, 10_000, 0, 0, 0);

        RepairOutcome outcome = new DecisionService(live, metrics).decideRepair(anomaly, SeedRoutingRulesTest.BEIJING_MOBILE);

        assertEquals(RepairAction.HOLD_FOR_REVIEW, outcome.action());
        assertNull(outcome.version());
        assertEquals(1.0, metrics.counter("topup_rule_guard_trips_total", "ruleSet", "repair", "version", "4").count());
    }
}
