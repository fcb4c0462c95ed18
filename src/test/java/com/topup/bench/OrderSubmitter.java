package com.topup.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Sends planned orders through the merchant API and keeps the order ids the platform gave them. */
final class OrderSubmitter {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What came back: order ids in the order sent (null where the order was refused) and the refusals by status. */
    record Submission(List<String> orderIds, Map<Integer, Integer> refusals, Instant firstSent, Instant lastAnswered) {

        List<String> accepted() {
            return orderIds.stream().filter(id -> id != null).toList();
        }
    }

    private final SignedMerchantClient merchant;
    private final String notifyUrl;

    OrderSubmitter(SignedMerchantClient merchant) {
        this(merchant, null);
    }

    /** Every order asks for its result callback at {@code notifyUrl} (none when null). */
    OrderSubmitter(SignedMerchantClient merchant, String notifyUrl) {
        this.merchant = merchant;
        this.notifyUrl = notifyUrl;
    }

    /** One order every 1/rate seconds, whatever the answers' latency (the platform sees a steady arrival rate). */
    Submission paced(List<PlannedOrder> orders, String run, double perSecond) {
        long interval = (long) (1_000_000_000L / perSecond);
        long start = System.nanoTime();
        Collector collector = new Collector(orders.size());
        List<CompletableFuture<?>> pending = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            int position = i;
            LockSupport.parkNanos(start + position * interval - System.nanoTime());
            pending.add(merchant.post("/api/v1/orders", orders.get(position).requestJson(run, notifyUrl))
                    .whenComplete((response, error) -> collector.single(position, response, error)));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return collector.submission();
    }

    /** As fast as the platform takes them, with at most {@code inFlight} requests open at once. */
    Submission bounded(List<PlannedOrder> orders, String run, int inFlight) throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        Collector collector = new Collector(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            int position = i;
            permits.acquire();
            merchant.post("/api/v1/orders", orders.get(position).requestJson(run, notifyUrl)).whenComplete((response, error) -> {
                try {
                    collector.single(position, response, error);
                } finally {
                    permits.release();
                }
            });
        }
        if (!permits.tryAcquire(inFlight, 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("order submissions still open after 120 s");
        }
        return collector.submission();
    }

    /** All orders in one {@code POST /api/v1/orders/batch}. */
    Submission batch(List<PlannedOrder> orders, String run) {
        StringBuilder body = new StringBuilder("{\"orders\":[");
        for (int i = 0; i < orders.size(); i++) {
            body.append(i == 0 ? "" : ",").append(orders.get(i).requestJson(run, notifyUrl));
        }
        body.append("]}");
        Collector collector = new Collector(orders.size());
        HttpResponse<String> response = merchant.post("/api/v1/orders/batch", body.toString()).join();
        collector.batch(response);
        return collector.submission();
    }

    /** Orders in consecutive {@code POST /api/v1/orders/batch} requests of {@code size}, one after another. */
    Submission batches(List<PlannedOrder> orders, String run, int size) {
        List<String> ids = new ArrayList<>(orders.size());
        Map<Integer, Integer> refusals = new ConcurrentHashMap<>();
        Instant firstSent = null;
        Instant lastAnswered = null;
        for (int from = 0; from < orders.size(); from += size) {
            Submission part = batch(orders.subList(from, Math.min(orders.size(), from + size)), run);
            ids.addAll(part.orderIds());
            part.refusals().forEach((status, count) -> refusals.merge(status, count, Integer::sum));
            firstSent = firstSent == null ? part.firstSent() : firstSent;
            lastAnswered = part.lastAnswered();
        }
        return new Submission(ids, Map.copyOf(refusals), firstSent, lastAnswered);
    }

    /** Gathers answers from the HTTP client's threads. */
    private static final class Collector {

        private final String[] ids;
        private final Map<Integer, Integer> refusals = new ConcurrentHashMap<>();
        private final Instant firstSent = Instant.now();
        private volatile Instant lastAnswered;

        Collector(int size) {
            this.ids = new String[size];
        }

        void single(int position, HttpResponse<String> response, Throwable error) {
            if (error != null || response.statusCode() != 201) {
                refusals.merge(error != null ? -1 : response.statusCode(), 1, Integer::sum);
            } else {
                synchronized (ids) {
                    ids[position] = field(response.body(), "orderId");
                }
            }
            answered();
        }

        void batch(HttpResponse<String> response) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("batch refused: HTTP " + response.statusCode() + " " + response.body());
            }
            try {
                for (JsonNode result : JSON.readTree(response.body()).path("results")) {
                    int status = result.path("status").asInt();
                    if (status == 201) {
                        ids[result.path("index").asInt()] = result.path("order").path("orderId").asText();
                    } else {
                        refusals.merge(status, 1, Integer::sum);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("unreadable batch answer", e);
            }
            answered();
        }

        private void answered() {
            lastAnswered = Instant.now();
        }

        Submission submission() {
            synchronized (ids) {
                return new Submission(Arrays.asList(ids.clone()), Map.copyOf(refusals), firstSent, lastAnswered);
            }
        }

        private static String field(String body, String name) {
            try {
                return JSON.readTree(body).path(name).asText();
            } catch (IOException e) {
                throw new IllegalStateException("unreadable order answer: " + body, e);
            }
        }
    }
}
