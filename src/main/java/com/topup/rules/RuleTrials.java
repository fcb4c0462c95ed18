package com.topup.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.RouteCandidate;
import com.topup.rules.model.RuleRandom;
import com.topup.rules.worker.WorkerJson;
import com.topup.rules.worker.WorkerLoop;
import com.topup.rules.worker.WorkerRequest;
import com.topup.rules.worker.WorkerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The jobs a rule worker process runs on a text that is not approved: compile it, simulate one decision, decide a
 * backtest's orders, or try it on representative and stressing facts before it may be activated. Every decision
 * runs under the engine's guard with the job's decision budgets; the worker's watchdog bounds the whole job.
 */
final class RuleTrials implements WorkerLoop.Jobs {

    static final String COMPILE = "compile";
    static final String SIMULATE = "simulate";
    static final String BACKTEST = "backtest";
    static final String TRIAL = "trial";

    private final DrlCompiler compiler = new DrlCompiler(RuleVocabulary::sandbox, 1, Long.MAX_VALUE);

    /**
     * A backtest's input: orders with their seeds and groups, and the channels as they are now per group of orders
     * routing sees alike ({@code groups.get(i)} is the i-th order's key in {@code channels}).
     */
    record BacktestInput(List<SimulationInput.Order> orders, List<Long> seeds, List<String> groups,
                         Map<String, List<SimulationInput.Channel>> channels) {
    }

    /** A simulation's input, as the staff API takes it. */
    record SimulateInput(SimulationInput.Order order, List<SimulationInput.Channel> channels, SimulationInput.Failure failure,
                         SimulationInput.Anomaly anomaly, long seed) {
    }

    @Override
    public WorkerResponse run(WorkerRequest request) {
        CompilationResult compiled = compiler.compileHere(request.ruleSet(), request.drl());
        if (!compiled.succeeded()) {
            return WorkerResponse.invalid(request.id(), compiled.errors());
        }
        if (request.job().equals(COMPILE)) {
            return WorkerResponse.ok(request.id(), null);
        }
        RuleLimits limits = new RuleLimits(request.budget().maxFirings(), request.budget().decisionCpuMillis(),
                request.budget().decisionAllocationBytes());
        try (RuleSetRuntime runtime = new RuleSetRuntime(request.ruleSet(), null, compiled.kieBase(), limits).warmUp()) {
            return switch (request.job()) {
                case SIMULATE -> WorkerResponse.ok(request.id(), simulate(runtime, request.input()));
                case BACKTEST -> WorkerResponse.ok(request.id(), backtest(runtime, request.input()));
                case TRIAL -> {
                    trial(runtime);
                    yield WorkerResponse.ok(request.id(), null);
                }
                default -> WorkerResponse.failed(request.id(), "unknown job " + request.job());
            };
        } catch (RuleGuardViolation e) {
            WorkerResponse.Stop stop = new WorkerResponse.Stop(e.rule(), e.budget(), e.limit());
            return e.budgetExceeded() ? WorkerResponse.stopped(request.id(), stop, e.getMessage())
                    : WorkerResponse.guard(request.id(), stop, e.getMessage());
        } catch (Exception e) {
            return WorkerResponse.failed(request.id(), String.valueOf(e.getMessage()));
        }
    }

    private JsonNode simulate(RuleSetRuntime runtime, JsonNode input) throws Exception {
        SimulateInput in = WorkerJson.MAPPER.treeToValue(input, SimulateInput.class);
        ObjectNode out = WorkerJson.MAPPER.createObjectNode();
        Map<String, Object> decision = new java.util.LinkedHashMap<>();
        List<String> fired;
        switch (runtime.ruleSet()) {
            case RuleSets.REPAIR -> {
                RepairOutcome outcome = runtime.repair(in.anomaly().toFact(), in.order() == null ? null : in.order().toFact());
                decision.put("action", outcome.action());
                decision.put("reason", outcome.reason());
                fired = outcome.firedRules();
            }
            case RuleSets.FALLBACK -> {
                FallbackOutcome outcome = runtime.fallback(in.order().toFact(), in.failure().toFact(),
                        SimulationInput.channels(in.channels()));
                decision.put("action", outcome.action());
                decision.put("queryFirst", outcome.queryFirst());
                decision.put("delayMillis", outcome.delayMillis());
                decision.put("reason", outcome.reason());
                fired = outcome.firedRules();
            }
            default -> {
                RouteOutcome outcome = runtime.route(in.order().toFact(), SimulationInput.channels(in.channels()),
                        new RuleRandom(in.seed()));
                decision.put("ranked", outcome.ranked());
                decision.put("excluded", outcome.excluded());
                fired = outcome.firedRules();
            }
        }
        out.set("decision", WorkerJson.MAPPER.valueToTree(decision));
        out.set("firedRules", WorkerJson.MAPPER.valueToTree(fired));
        return out;
    }

    private JsonNode backtest(RuleSetRuntime runtime, JsonNode input) throws Exception {
        BacktestInput in = WorkerJson.MAPPER.treeToValue(input, BacktestInput.class);
        List<String> choices = new ArrayList<>(in.orders().size());
        for (int i = 0; i < in.orders().size(); i++) {
            SimulationInput.Order order = in.orders().get(i);
            List<ChannelFact> channels = SimulationInput.channels(in.channels().getOrDefault(in.groups().get(i), List.of()));
            List<RouteCandidate> ranked = runtime.route(order.toFact(), channels, new RuleRandom(in.seeds().get(i))).ranked();
            choices.add(ranked.isEmpty() ? null : ranked.get(0).channel());
        }
        return WorkerJson.MAPPER.valueToTree(Map.of("choices", choices));
    }

    /** Representative decisions and stressing ones (many channels, every failure class, every anomaly kind). */
    private void trial(RuleSetRuntime runtime) {
        for (int round = 0; round < 3; round++) {
            switch (runtime.ruleSet()) {
                case RuleSets.ROUTING -> {
                    runtime.route(WarmUpFacts.ORDER, WarmUpFacts.CHANNELS, new RuleRandom(round));
                    runtime.route(WarmUpFacts.ORDER, WarmUpFacts.MANY_CHANNELS, new RuleRandom(round));
                }
                case RuleSets.FALLBACK -> {
                    for (var failure : WarmUpFacts.FAILURES) {
                        runtime.fallback(WarmUpFacts.ORDER, failure, WarmUpFacts.MANY_CHANNELS);
                    }
                }
                default -> WarmUpFacts.ANOMALIES.forEach(a -> runtime.repair(a, WarmUpFacts.ORDER));
            }
        }
    }
}
