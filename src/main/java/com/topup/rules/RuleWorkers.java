package com.topup.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.topup.rules.sandbox.DrlProblem;
import com.topup.rules.worker.WorkerBudget;
import com.topup.rules.worker.WorkerClasspath;
import com.topup.rules.worker.WorkerJson;
import com.topup.rules.worker.WorkerPool;
import com.topup.rules.worker.WorkerRequest;
import com.topup.rules.worker.WorkerResponse;
import com.topup.web.ApiException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs rule texts that are not approved in worker processes (see {@link WorkerPool}) and turns their answers into
 * the staff API's: a refused or broken text is 422 INVALID_DRL, a job stopped by a budget 422 RULE_BUDGET_EXCEEDED
 * with the rule and the budget, another broken guard 422 RULE_GUARD_TRIPPED.
 */
@ApplicationScoped
public class RuleWorkers {

    private final RulesConfig config;
    private final WorkerPool pool;

    public RuleWorkers(RulesConfig config) {
        this.config = config;
        RulesConfig.Worker worker = config.worker();
        this.pool = new WorkerPool(command(worker.heap()), worker.size(), worker.queueTimeout().toMillis());
    }

    /** How a worker process is started: this JVM's java, a heap limit, exit on running out of memory. */
    public static List<String> command(String heap) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Xmx" + heap, "-Xss1m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1", "-XX:ActiveProcessorCount=1", "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true",
                "-cp", WorkerClasspath.detect(), RuleWorkerMain.class.getName());
    }

    void start(@Observes StartupEvent event) {
        if (config.worker().prestart()) {
            pool.prestart();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        pool.close();
    }

    /** The problems of a text (sandbox and compiler), checked and compiled in a worker. */
    public List<DrlProblem> compile(String ruleSet, String drl) {
        WorkerResponse response = call(RuleTrials.COMPILE, ruleSet, drl, null);
        return switch (response.outcome()) {
            case WorkerResponse.OK -> List.of();
            case WorkerResponse.INVALID -> response.problems();
            case WorkerResponse.STOPPED -> List.of(new DrlProblem(0, 0, "compilation stopped: " + response.message()));
            default -> throw unavailable(response);
        };
    }

    /** One decision of a draft or stored text on given facts: {"decision", "firedRules"}. */
    JsonNode simulate(String ruleSet, String drl, RuleTrials.SimulateInput input) {
        return result(call(RuleTrials.SIMULATE, ruleSet, drl, WorkerJson.MAPPER.valueToTree(input)));
    }

    /** The first channel the text ranks for each order (null where none). */
    List<String> backtest(String ruleSet, String drl, RuleTrials.BacktestInput input) {
        JsonNode result = result(call(RuleTrials.BACKTEST, ruleSet, drl, WorkerJson.MAPPER.valueToTree(input)));
        List<String> choices = new java.util.ArrayList<>();
        result.path("choices").forEach(c -> choices.add(c.isNull() ? null : c.asText()));
        return choices;
    }

    /** The pre-activation check: compiles and decides representative and stressing facts within the budgets. */
    void trial(String ruleSet, String drl) {
        result(call(RuleTrials.TRIAL, ruleSet, drl, null));
    }

    private WorkerResponse call(String job, String ruleSet, String drl, JsonNode input) {
        RulesConfig.Worker worker = config.worker();
        WorkerBudget budget = new WorkerBudget(config.timeBudget().toMillis(), config.allocationBudget().asLongValue(),
                config.maxFirings(), worker.jobCpuBudget().toMillis(), worker.jobAllocationBudget().asLongValue());
        // the app's own limit for a worker that stops answering: its CPU budget, with room for a busy machine
        long wallMillis = worker.jobCpuBudget().toMillis() * 3 + 10_000;
        return pool.call(new WorkerRequest(0, job, ruleSet, drl, budget, input), wallMillis);
    }

    private JsonNode result(WorkerResponse response) {
        switch (response.outcome()) {
            case WorkerResponse.OK -> {
                return response.result();
            }
            case WorkerResponse.INVALID -> throw new ApiException(422, "INVALID_DRL",
                    "The rules do not compile or use something not allowed", Map.of("errors", response.problems()));
            case WorkerResponse.STOPPED -> throw new ApiException(422, "RULE_BUDGET_EXCEEDED", response.message(),
                    stopDetails(response.stop()));
            case WorkerResponse.GUARD -> throw new ApiException(422, "RULE_GUARD_TRIPPED", response.message(),
                    stopDetails(response.stop()));
            default -> throw unavailable(response);
        }
    }

    private static Map<String, Object> stopDetails(WorkerResponse.Stop stop) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (stop != null) {
            if (stop.rule() != null) {
                details.put("rule", stop.rule());
            }
            details.put("budget", stop.budget());
            if (stop.limit() >= 0) {
                details.put("limit", stop.limit()); // a worker that ran out of heap has no per-job figure
            }
            details.put("unit", switch (stop.budget()) {
                case "cpu", "time" -> "ms";
                case "allocation" -> "bytes";
                default -> stop.budget();
            });
        }
        return details;
    }

    private static ApiException unavailable(WorkerResponse response) {
        return new ApiException(503, "RULE_WORKER_UNAVAILABLE", response.message() == null
                ? "the rule worker could not run this job" : response.message());
    }
}
