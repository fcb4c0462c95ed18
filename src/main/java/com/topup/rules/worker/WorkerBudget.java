package com.topup.rules.worker;

/**
 * What one job may use. A decision is stopped by the engine's guard past {@code decisionCpuMillis} of CPU or
 * {@code decisionAllocationBytes}; the whole job (a compile, or all the decisions of a backtest) is stopped by the
 * worker's watchdog past {@code jobCpuMillis} or {@code jobAllocationBytes}, which then ends the worker process.
 */
public record WorkerBudget(long decisionCpuMillis, long decisionAllocationBytes, int maxFirings, long jobCpuMillis,
                           long jobAllocationBytes) {
}
