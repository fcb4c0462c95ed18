package com.topup.rules;

import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.OrderFact;
import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays the latest real orders through a draft (or a stored version) in a rule worker and compares its first
 * channel with the one each order's first attempt really went to. Each order meets the channels as routing would
 * see them now for that order: the success model's prediction for its carrier, province and face value (orders the
 * model predicts alike share one set of channel facts). Success and cost are estimated for both choices with those
 * facts: the chosen channel's predicted success for that order (0 where no channel, or one no longer enabled, was
 * chosen) and the channel's cost rate. Nothing is stored or sent.
 */
@ApplicationScoped
public class BacktestService {

    private final RuleSetStore store;
    private final RuleWorkers workers;
    private final Instance<DecidedOrders> orders;
    private final RulesConfig config;

    public BacktestService(RuleSetStore store, RuleWorkers workers, Instance<DecidedOrders> orders, RulesConfig config) {
        this.store = store;
        this.workers = workers;
        this.orders = orders;
        this.config = config;
    }

    public BacktestResult backtest(String ruleSet, String drl, Integer version, Integer limit) {
        RuleSets.require(ruleSet);
        if (!RuleSets.ROUTING.equals(ruleSet)) {
            throw new ApiException(400, "INVALID_REQUEST", "backtests compare channel choices; they apply to the routing rules",
                    Map.of("field", "name"));
        }
        int n = limit == null ? config.backtest().defaultOrders() : limit;
        if (n < 1 || n > config.backtest().maxOrders()) {
            throw new ApiException(400, "INVALID_REQUEST", "orders must be between 1 and " + config.backtest().maxOrders(),
                    Map.of("field", "orders"));
        }
        Integer usedVersion = null;
        String text = drl;
        if (text == null || text.isBlank()) {
            if (version == null) {
                throw new ApiException(400, "INVALID_REQUEST", "give the draft's drl or a stored version", Map.of("field", "drl"));
            }
            text = store.version(ruleSet, version).drl;
            usedVersion = version;
        }
        List<DecidedOrder> decided = orders.get().latest(n);
        ChannelsNow channels = orders.get().channelsNow(decided.stream().map(DecidedOrder::order).toList());
        List<SimulationInput.Order> inputs = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        for (DecidedOrder d : decided) {
            inputs.add(SimulationInput.Order.of(d.order()));
            seeds.add(d.seed());
        }
        Map<String, List<SimulationInput.Channel>> channelInputs = new HashMap<>();
        channels.channels().forEach((group, facts) ->
                channelInputs.put(group, facts.stream().map(SimulationInput.Channel::of).toList()));
        List<String> after = decided.isEmpty() ? List.of()
                : workers.backtest(ruleSet, text, new RuleTrials.BacktestInput(inputs, seeds, channels.groups(), channelInputs));
        return compare(decided, after, channels, usedVersion);
    }

    static BacktestResult compare(List<DecidedOrder> decided, List<String> after, ChannelsNow channels, Integer version) {
        int changed = 0;
        Map<String, Integer> before = new TreeMap<>();
        Map<String, Integer> draft = new TreeMap<>();
        Map<String, Integer> versions = new TreeMap<>();
        double successBefore = 0;
        double successAfter = 0;
        long costBefore = 0;
        long costAfter = 0;
        for (int i = 0; i < decided.size(); i++) {
            DecidedOrder d = decided.get(i);
            String chosen = i < after.size() ? after.get(i) : null;
            if (!java.util.Objects.equals(chosen, d.channel())) {
                changed++;
            }
            before.merge(d.channel() == null ? "none" : d.channel(), 1, Integer::sum);
            draft.merge(chosen == null ? "none" : chosen, 1, Integer::sum);
            versions.merge(d.ruleVersion() == null ? "default" : "v" + d.ruleVersion(), 1, Integer::sum);
            List<ChannelFact> now = channels.forOrder(i);
            ChannelFact was = find(now, d.channel());
            ChannelFact will = find(now, chosen);
            successBefore += was == null ? 0 : was.getPredictedSuccess();
            successAfter += will == null ? 0 : will.getPredictedSuccess();
            costBefore += cost(was, d.order());
            costAfter += cost(will, d.order());
        }
        int n = decided.size();
        return new BacktestResult(n, changed, new BacktestResult.Comparison<>(shares(before, n), shares(draft, n)),
                new BacktestResult.Comparison<>(round(n == 0 ? 0 : successBefore / n), round(n == 0 ? 0 : successAfter / n)),
                new BacktestResult.Comparison<>(costBefore, costAfter), versions, version);
    }

    private static ChannelFact find(List<ChannelFact> channels, String code) {
        if (code == null) {
            return null;
        }
        return channels.stream().filter(c -> c.getCode().equals(code)).findFirst().orElse(null);
    }

    private static long cost(ChannelFact channel, OrderFact order) {
        return channel == null ? 0 : Math.round(channel.getCostRate() * order.getFaceValue());
    }

    private static Map<String, Double> shares(Map<String, Integer> counts, int total) {
        Map<String, Double> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, round((double) v / Math.max(1, total))));
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
