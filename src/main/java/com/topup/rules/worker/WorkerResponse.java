package com.topup.rules.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.topup.rules.sandbox.DrlProblem;
import java.util.List;

/**
 * A worker's answer. {@code outcome}: OK (with {@code result}), INVALID (the text was refused or does not
 * compile: {@code problems}), STOPPED (a budget stopped it: {@code stop}), GUARD (a decision broke another guard:
 * a consequence threw, or the firing limit), FAILED (the worker could not do the job: {@code message}).
 */
public record WorkerResponse(long id, String outcome, List<DrlProblem> problems, JsonNode result, Stop stop,
                             String message) {

    public static final String OK = "OK";
    public static final String INVALID = "INVALID";
    public static final String STOPPED = "STOPPED";
    public static final String GUARD = "GUARD";
    public static final String FAILED = "FAILED";

    /** What stopped a job: the rule running then (when known), which budget, and its limit (ms or bytes). */
    public record Stop(String rule, String budget, long limit) {
    }

    public static WorkerResponse ok(long id, JsonNode result) {
        return new WorkerResponse(id, OK, List.of(), result, null, null);
    }

    public static WorkerResponse invalid(long id, List<DrlProblem> problems) {
        return new WorkerResponse(id, INVALID, problems, null, null, null);
    }

    public static WorkerResponse stopped(long id, Stop stop, String message) {
        return new WorkerResponse(id, STOPPED, List.of(), null, stop, message);
    }

    public static WorkerResponse guard(long id, Stop stop, String message) {
        return new WorkerResponse(id, GUARD, List.of(), null, stop, message);
    }

    public static WorkerResponse failed(long id, String message) {
        return new WorkerResponse(id, FAILED, List.of(), null, null, message);
    }
}
