package com.topup.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Reads orders with their attempts from the staff order view ({@code GET /admin/api/orders/{id}}, as operator). */
final class StaffOrderReader {

    private static final int PARALLEL_READS = 4;

    private final StaffClient staff;

    StaffOrderReader(StaffClient staff) {
        this.staff = staff;
    }

    List<OrderOutcome> read(List<String> orderIds) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_READS);
        try {
            List<Future<OrderOutcome>> reads = new ArrayList<>(orderIds.size());
            for (String id : orderIds) {
                reads.add(pool.submit(() -> outcome(staff.get("operator", "/admin/api/orders/" + id))));
            }
            List<OrderOutcome> outcomes = new ArrayList<>(orderIds.size());
            for (Future<OrderOutcome> read : reads) {
                outcomes.add(read.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static OrderOutcome outcome(JsonNode view) {
        JsonNode order = view.path("order");
        List<OrderOutcome.Attempt> attempts = new ArrayList<>();
        for (JsonNode a : view.path("attempts")) {
            attempts.add(new OrderOutcome.Attempt(a.path("channel").asText(), a.path("status").asText(),
                    a.path("errorClass").asText(null), a.path("cost").asLong(),
                    a.path("ruleVersion").isNull() ? null : a.path("ruleVersion").asInt(), a.path("queries").asInt(),
                    instant(a.path("startedAt")), instant(a.path("finishedAt"))));
        }
        return new OrderOutcome(order.path("orderId").asText(), order.path("carrier").asText(),
                order.path("faceValue").asLong(), order.path("status").asText(), instant(order.path("createdAt")),
                instant(order.path("finishedAt")), attempts);
    }

    private static Instant instant(JsonNode text) {
        return text.isNull() || text.isMissingNode() ? null : Instant.parse(text.asText());
    }
}
