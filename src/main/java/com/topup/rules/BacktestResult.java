package com.topup.rules;

import java.util.Map;

/**
 * What a draft would have done to recent orders (CONTRACT §3 backtest): how many orders, how many would go to
 * another first channel, each channel's share of first attempts, and the expected success (the mean of the chosen
 * channel's predicted success for each order, as of now) and channel cost (fen, today's cost rates), before (as
 * decided) and after (the draft). {@code ruleVersions} counts the routing versions that made the recorded decisions.
 */
public record BacktestResult(int orders, int changed, Comparison<Map<String, Double>> channelShare,
                             Comparison<Double> expectedSuccess, Comparison<Long> expectedCost,
                             Map<String, Integer> ruleVersions, Integer version) {

    public record Comparison<T>(T before, T after) {
    }
}
