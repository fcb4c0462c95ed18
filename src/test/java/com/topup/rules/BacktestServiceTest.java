package com.topup.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.OrderFact;
import com.topup.rules.worker.WorkerJson;
import com.topup.rules.worker.WorkerRequest;
import com.topup.rules.worker.WorkerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A backtest judges each order with the channels as routing would see them for that order: two orders of one
 * carrier in different provinces meet different predicted success, in the worker's decision and in the figures.
 */
class BacktestServiceTest {

    /** Proposes every channel with its predicted success for the order as the score: the best prediction comes first. */
    private static final String BY_PREDICTION = """
            package com.topup.rules.routing;
            import com.topup.rules.model.ChannelFact;
            import com.topup.rules.model.RouteDecision;
            global RouteDecision decision;
            rule "Best predicted success first"
                when
                    $c : ChannelFact( $p : predictedSuccess )
                then
                    decision.propose($c, $p, "predicted");
            end
            """;

    private static final OrderFact BEIJING = order("o-1", "北京");
    private static final OrderFact JIANGSU = order("o-2", "江苏");

    private static OrderFact order(String id, String province) {
        return new OrderFact(id, "demo-merchant", "STANDARD", "CHINA_MOBILE", province, null, 10_000, 9_900, 1, 0);
    }

    /** A channel whose carrier figures say 70 % for every order, and whose prediction for the order is {@code predicted}. */
    private static ChannelFact channel(String code, double predicted, double costRate) {
        return new ChannelFact(code, Set.of("CHINA_MOBILE"), Set.of(), Set.of(), costRate, 0.7, 200, 0, 100, "CLOSED",
                Long.MAX_VALUE, predicted, 0.9, 500, 300);
    }

    /** sim-fast is bad in Beijing and good in Jiangsu; sim-cheap the other way round. */
    private static final ChannelsNow CHANNELS = new ChannelsNow(List.of("beijing", "jiangsu"), Map.of(
            "beijing", List.of(channel("sim-fast", 0.40, 0.01), channel("sim-cheap", 0.80, 0.005)),
            "jiangsu", List.of(channel("sim-fast", 0.96, 0.01), channel("sim-cheap", 0.50, 0.005))));

    @Test
    void theWorkerRoutesEachOrderWithItsOwnGroupsChannels() throws Exception {
        List<SimulationInput.Order> orders = List.of(SimulationInput.Order.of(BEIJING), SimulationInput.Order.of(JIANGSU));
        Map<String, List<SimulationInput.Channel>> channels = Map.of(
                "beijing", CHANNELS.channels().get("beijing").stream().map(SimulationInput.Channel::of).toList(),
                "jiangsu", CHANNELS.channels().get("jiangsu").stream().map(SimulationInput.Channel::of).toList());
        RuleTrials.BacktestInput input = new RuleTrials.BacktestInput(orders, List.of(1L, 2L), CHANNELS.groups(), channels);
        WorkerResponse response = new RuleTrials().run(new WorkerRequest(1, RuleTrials.BACKTEST, RuleSets.ROUTING,
                BY_PREDICTION, RuleBudgetCorpusTest.BUDGET, WorkerJson.MAPPER.valueToTree(input)));

        assertEquals(WorkerResponse.OK, response.outcome(), String.valueOf(response.message()));
        List<String> choices = new ArrayList<>();
        response.result().path("choices").forEach(c -> choices.add(c.asText()));
        assertEquals(List.of("sim-cheap", "sim-fast"), choices, "one carrier, each order its own province's best channel");
    }

    @Test
    void expectedSuccessIsThePredictionForEachOrderOfItsChosenChannel() {
        List<DecidedOrder> decided = List.of(new DecidedOrder(BEIJING, "sim-fast", 3, 1),
                new DecidedOrder(JIANGSU, "sim-fast", 3, 2));
        BacktestResult result = BacktestService.compare(decided, List.of("sim-cheap", "sim-fast"), CHANNELS, null);

        assertEquals(2, result.orders());
        assertEquals(1, result.changed());
        // before: sim-fast for both, 40 % in Beijing and 96 % in Jiangsu; after: sim-cheap's 80 % in Beijing
        assertEquals((0.40 + 0.96) / 2, result.expectedSuccess().before(), 1e-4);
        assertEquals((0.80 + 0.96) / 2, result.expectedSuccess().after(), 1e-4);
        assertEquals(Math.round(0.01 * 10_000) * 2, result.expectedCost().before());
        assertEquals(Math.round(0.005 * 10_000) + Math.round(0.01 * 10_000), result.expectedCost().after());
        assertEquals(Map.of("sim-fast", 1.0), result.channelShare().before());
        assertEquals(Map.of("sim-cheap", 0.5, "sim-fast", 0.5), result.channelShare().after());
        assertEquals(Map.of("v3", 2), result.ruleVersions());
    }

    @Test
    void noChannelOrOneNoLongerEnabledCountsNoSuccessAndNoCost() {
        List<DecidedOrder> decided = List.of(new DecidedOrder(BEIJING, "sim-retired", null, 1),
                new DecidedOrder(JIANGSU, "sim-fast", null, 2));
        List<String> after = new ArrayList<>();
        after.add(null);
        after.add("sim-fast");
        BacktestResult result = BacktestService.compare(decided, after, CHANNELS, 7);

        assertEquals(0.96 / 2, result.expectedSuccess().before(), 1e-4);
        assertEquals(0.96 / 2, result.expectedSuccess().after(), 1e-4);
        assertEquals(100L, result.expectedCost().before());
        assertEquals(Map.of("none", 0.5, "sim-fast", 0.5), result.channelShare().after());
        assertEquals(Map.of("default", 2), result.ruleVersions());
        assertEquals(7, result.version());
    }
}
