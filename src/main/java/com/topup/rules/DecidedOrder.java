package com.topup.rules;

import com.topup.rules.model.OrderFact;

/**
 * An order as its routing was decided: the order (as of its first attempt), the channel its first attempt went to,
 * the routing version that chose it, and the seed its decision used.
 */
public record DecidedOrder(OrderFact order, String channel, Integer ruleVersion, long seed) {
}
