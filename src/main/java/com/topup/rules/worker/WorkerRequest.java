package com.topup.rules.worker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One job for a rule worker process: compile, simulate, backtest or try a rule text under budgets. {@code input}
 * holds the job's facts as JSON.
 */
public record WorkerRequest(long id, String job, String ruleSet, String drl, WorkerBudget budget, JsonNode input) {
}
