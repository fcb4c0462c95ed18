package com.topup.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.OrderFact;
import com.topup.rules.model.RuleRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.utils.KieHelper;

/**
 * Channel facts kept resident in pooled routing sessions decide exactly as inserting every fact per decision did: the
 * same rules are compiled twice, as written (no rule joined on the order, so every fact is inserted per decision) and
 * through the sandbox (every rule joined on the order, channels resident), and both decide on many random orders
 * and channel sets, with channel figures changing and tried channels left out, as dispatch does.
 */
class ResidentChannelsTest {

    private static final String[] CARRIERS = {"CHINA_MOBILE", "CHINA_UNICOM", "CHINA_TELECOM", "CHINA_BROADNET"};
    private static final String[] PROVINCES = {"北京", "广东", "上海", "浙江", null};
    private static final String[] CIRCUITS = {"CLOSED", "CLOSED", "CLOSED", "HALF_OPEN", "OPEN"};

    /** Shapes analysts write beside the seed: conditions on channels alone, channel before order, not, exists, accumulate, from. */
    private static final String ANALYST_RULES = """
            package com.topup.rules.routing;

            import com.topup.rules.model.*;

            global RouteDecision decision;
            global RuleRandom random;

            rule "Exclude channels costing more than 98.5 %"
                salience 100
                when
                    $channel : ChannelFact( costRate > 0.985 )
                then
                    decision.exclude($channel, "too expensive");
            end

            rule "Orders of 300 CNY or more: only well-known channels predicted at 95 % or more"
                salience 50
                when
                    $order : OrderFact( faceValue >= 30000 )
                    $channel : ChannelFact( supports($order), predictedSuccess < 0.95 || predictionConfidence < 0.8 )
                then
                    decision.exclude($channel, "large order: not predicted at 95 % with confidence");
            end

            rule "Score by predicted success, channel first"
                when
                    $channel : ChannelFact( circuitState != "OPEN" )
                    $order : OrderFact( $channel.supports(this) )
                then
                    decision.propose($channel, $channel.getPredictedSuccess() - $channel.getCostRate() + random.nextDouble() * 0.01,
                            "score");
            end

            rule "Prefer GD-FAST for Guangdong"
                salience -10
                when
                    $order : OrderFact( province == "广东" )
                    $channel : ChannelFact( code == "CH3", supports($order) )
                then
                    decision.propose($channel, 2.0, "preferred for Guangdong");
            end

            rule "Without a channel predicted at 90 %, the cheapest serving one"
                salience -20
                when
                    not ChannelFact( predictedSuccess >= 0.9 )
                    $order : OrderFact()
                    $channel : ChannelFact( supports($order) )
                    not ChannelFact( supports($order), costRate < $channel.costRate )
                then
                    decision.propose($channel, 5, "cheapest without a good channel");
            end

            rule "Busy channels count against the half-open ones"
                salience -30
                when
                    exists ChannelFact( inFlight > 20 )
                    $channel : ChannelFact( circuitState == "HALF_OPEN" )
                    $n : Number( intValue >= 2 ) from accumulate( ChannelFact( circuitState == "CLOSED" ), count(1) )
                then
                    decision.propose($channel, 0.5 + random.nextDouble(), "half-open among " + $n + " closed");
            end

            rule "Beijing channels by province list"
                salience -40
                when
                    $channel : ChannelFact( )
                    String( this == "北京" ) from $channel.provinces
                then
                    decision.exclude($channel, "Beijing only");
            end

            rule "Pick"
                salience -100
                when
                    OrderFact( attempt == 1 )
                then
                    decision.pickWeighted(random);
            end
            """;

    @RegisterExtension
    static final SandboxCompiler compiler = new SandboxCompiler();

    @Test
    void theLiveSeedDecidesAsItDidWithEveryFactInsertedPerDecision() {
        sameDecisions(SeedRules.of("routing").orElseThrow().current(), 30_000, 1);
    }

    @Test
    void theEarlierSeedDecidesAsBefore() {
        sameDecisions(SeedRules.of("routing").orElseThrow().earlier().get(0), 10_000, 2);
    }

    @Test
    void rulesOverChannelsAloneNotExistsAccumulateAndFromDecideAsBefore() {
        sameDecisions(ANALYST_RULES, 20_000, 3);
    }

    @Test
    void routingRulesAreJoinedOnTheOrderOtherRuleSetsAreNot() {
        String exclusion = """
                rule "Exclude open circuits"
                    when
                        $channel : ChannelFact( circuitState == "OPEN" )
                    then
                        decision.exclude($channel, "circuit open");
                end
                """;
        String routing = RuleVocabulary.sandbox("routing").check("""
                package com.topup.rules.routing;
                import com.topup.rules.model.ChannelFact;
                import com.topup.rules.model.RouteDecision;
                global RouteDecision decision;
                """ + exclusion).compiledText();
        assertTrue(routing.contains("when com.topup.rules.model.OrderFact()\n"), routing);
        assertEquals(exclusion.lines().count() + 4, routing.lines().count(), "lines stay where the author wrote them");
        String fallback = RuleVocabulary.sandbox("fallback").check("""
                package com.topup.rules.fallback;
                import com.topup.rules.model.ChannelFact;
                import com.topup.rules.model.FallbackDecision;
                global FallbackDecision decision;
                rule "no channel"
                    when
                        not ChannelFact( )
                    then
                        decision.failAndRefund("none left");
                end
                """).compiledText();
        assertFalse(fallback.contains("OrderFact()"), fallback);
    }

    @Test
    void aRuleWithoutConditionsKeepsEveryFactPerDecision() {
        CompilationResult compiled = compiler.compile("routing", """
                package com.topup.rules.routing;
                import com.topup.rules.model.*;
                global RouteDecision decision;
                rule "always"
                    when
                    then
                        decision.hasCandidates();
                end
                """);
        assertTrue(compiled.succeeded(), () -> compiled.errors().toString());
        try (RuleSetRuntime runtime = new RuleSetRuntime("routing", 1, compiled.kieBase(), new RuleLimits(1_000, 5_000))) {
            assertFalse(runtime.keepsChannelsResident());
        }
    }

    /**
     * Decides {@code decisions} random orders with both runtimes and compares everything a decision answers: the
     * ranking with scores and reasons, the exclusions and the rules fired, in order.
     */
    private void sameDecisions(String drl, int decisions, long seed) {
        CompilationResult compiled = compiler.compile("routing", drl);
        assertTrue(compiled.succeeded(), () -> compiled.errors().toString());
        KieBase asWritten = new KieHelper().addContent(drl, ResourceType.DRL).build();
        RuleLimits limits = new RuleLimits(10_000, 5_000);
        try (RuleSetRuntime before = new RuleSetRuntime("routing", 7, asWritten, limits);
             RuleSetRuntime resident = new RuleSetRuntime("routing", 7, compiled.kieBase(), limits)) {
            assertFalse(before.keepsChannelsResident(), "the text as written has rules that do not join the order");
            assertTrue(resident.keepsChannelsResident(), "the sandbox joins every rule on the order");
            SplittableRandom random = new SplittableRandom(seed);
            List<List<ChannelFact>> kinds = new ArrayList<>();
            for (int k = 0; k < 80; k++) {
                kinds.add(channels(random));
            }
            int ranked = 0;
            for (int i = 0; i < decisions; i++) {
                int k = random.nextInt(kinds.size());
                if (random.nextInt(20) == 0) {
                    kinds.set(k, channels(random)); // the figures of that kind changed
                }
                List<ChannelFact> channels = kinds.get(k);
                if (random.nextInt(10) == 0) {
                    channels = untried(channels, random); // a later attempt: the channels tried are left out
                } else if (random.nextInt(10) == 0) {
                    channels = List.copyOf(channels); // the same figures built again
                }
                OrderFact order = order(random, i);
                long decisionSeed = random.nextLong();
                RouteOutcome expected = before.route(order, channels, new RuleRandom(decisionSeed));
                RouteOutcome actual = resident.route(order, channels, new RuleRandom(decisionSeed));
                int at = i;
                assertEquals(expected.ranked(), actual.ranked(), () -> "ranking of decision " + at);
                assertEquals(expected.excluded(), actual.excluded(), () -> "exclusions of decision " + at);
                assertEquals(expected.firedRules(), actual.firedRules(), () -> "rules fired in decision " + at);
                if (!expected.ranked().isEmpty()) {
                    ranked++;
                }
            }
            assertTrue(ranked > decisions / 3, "most decisions rank channels (" + ranked + " of " + decisions + ")");
        }
    }

    private static List<ChannelFact> untried(List<ChannelFact> channels, SplittableRandom random) {
        List<ChannelFact> left = new ArrayList<>();
        for (ChannelFact channel : channels) {
            if (random.nextInt(4) != 0) {
                left.add(channel);
            }
        }
        return left;
    }

    private static OrderFact order(SplittableRandom random, int i) {
        long faceValue = new long[] {1_000, 3_000, 5_000, 10_000, 30_000, 50_000}[random.nextInt(6)];
        int attempt = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
        long age = random.nextInt(5) == 0 ? 30_000 + random.nextInt(60_000) : random.nextInt(30_000);
        return new OrderFact("R" + i, "m" + random.nextInt(5), "STANDARD", CARRIERS[random.nextInt(4)],
                PROVINCES[random.nextInt(PROVINCES.length)], null, faceValue, faceValue * 985 / 1_000, attempt, age);
    }

    private static List<ChannelFact> channels(SplittableRandom random) {
        int count = 6 + random.nextInt(7);
        List<ChannelFact> channels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Set<String> carriers = random.nextInt(3) == 0 ? Set.of(CARRIERS)
                    : Set.of(CARRIERS[i % 4], CARRIERS[(i + 1 + random.nextInt(3)) % 4]);
            Set<String> provinces = random.nextInt(4) == 0 ? Set.of("北京", "广东") : Set.of();
            Set<Long> faceValues = random.nextInt(5) == 0 ? Set.of(1_000L, 5_000L, 10_000L) : Set.of();
            double predicted = 0.4 + random.nextDouble() * 0.6;
            double confidence = random.nextInt(4) == 0 ? random.nextDouble() * 0.5 : random.nextDouble();
            channels.add(new ChannelFact("CH" + i, carriers, provinces, faceValues, 0.95 + random.nextDouble() * 0.05,
                    0.5 + random.nextDouble() * 0.5, 100 + random.nextInt(3_000), random.nextInt(30), 25,
                    CIRCUITS[random.nextInt(CIRCUITS.length)], random.nextInt(10) == 0 ? 0 : 10_000, predicted, confidence,
                    confidence * 40, 200 + random.nextInt(2_000)));
        }
        return List.copyOf(channels);
    }
}
