package com.topup.bench;

import java.util.Locale;

/**
 * The routing rule sets the quality benchmark compares. The round-robin and oracle rule sets keep the seed rules'
 * three exclusions (open circuit, no daily quota, at capacity), so they differ from the seed rules only in ranking.
 */
final class RoutingPolicies {

    private static final String HEADER = """
            package com.topup.rules.routing;

            import com.topup.rules.model.OrderFact;
            import com.topup.rules.model.ChannelFact;
            import com.topup.rules.model.RouteDecision;
            import com.topup.rules.model.RuleRandom;

            global RouteDecision decision;
            global RuleRandom random;

            rule "Exclude channels whose circuit is open"
                salience 100
                when
                    $channel : ChannelFact( circuitState == "OPEN" )
                then
                    decision.exclude($channel, "circuit open");
            end

            rule "Exclude channels without daily quota"
                salience 100
                when
                    $channel : ChannelFact( remainingDailyQuota <= 0 )
                then
                    decision.exclude($channel, "daily quota used up");
            end

            rule "Exclude channels at capacity"
                salience 100
                when
                    $channel : ChannelFact( inFlight >= capacity )
                then
                    decision.exclude($channel, "no spare capacity");
            end
            """;

    private RoutingPolicies() {
    }

    static RoutingPolicy seed(String activeDrl, int version) {
        return new RoutingPolicy("seed", "the seed rules (routing v" + version + " of a fresh database, published again)",
                activeDrl);
    }

    /**
     * Rules keep no state from one decision to the next, so there is no rotating counter: each order ranks the channels
     * that serve it by a hash of its order id and the channel code. Every eligible channel then comes first for an equal
     * share of orders, as with a counter, and a fallback goes on in the same per-order order.
     */
    static RoutingPolicy roundRobin() {
        return new RoutingPolicy("round-robin", "equal shares: eligible channels ranked by hash(order id + channel code), "
                + "since rules keep no counter between orders", HEADER + """

                rule "Round robin: rank by a hash of order id and channel"
                    when
                        $order : OrderFact()
                        $channel : ChannelFact( supports($order) )
                    then
                        decision.propose($channel,
                                Math.floorMod(($order.getOrderId() + "/" + $channel.getCode()).hashCode(), 1000000) / 1000000.0,
                                "rotation by order id hash");
                end
                """);
    }

    /** Each channel that serves the order scored by the scenario's true odds of success for the order's carrier. */
    static RoutingPolicy oracle(QualityScenario scenario) {
        StringBuilder drl = new StringBuilder(HEADER);
        for (SupplierPlan supplier : scenario.suppliers()) {
            for (String carrier : QualityScenario.CARRIERS) {
                double odds = supplier.trueOdds(carrier);
                if (odds <= 0) {
                    continue;
                }
                drl.append(String.format(Locale.ROOT, """

                        rule "Oracle: %1$s for %2$s"
                            when
                                $order : OrderFact( carrier == "%2$s" )
                                $channel : ChannelFact( code == "%1$s", supports($order) )
                            then
                                decision.propose($channel, %3$.5f, "true success odds %3$.4f");
                        end
                        """, supplier.code(), carrier, odds));
            }
        }
        return new RoutingPolicy("oracle", "channels ranked by the scenario's true success odds per channel and carrier "
                + "(generated DRL, no weighted pick; it does not know the outage times)", drl.toString());
    }
}
