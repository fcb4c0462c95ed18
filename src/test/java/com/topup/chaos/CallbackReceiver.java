package com.topup.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.topup.devenv.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The merchant's callback endpoint, in the drill process: counts deliveries by event id and order id. It can answer
 * 503 for a while, or be stopped altogether (connections refused) and started again on the same port.
 */
final class CallbackReceiver implements AutoCloseable {

    enum Mode { ACCEPT, ANSWER_503 }

    /** What the receiver acknowledged for one order: its events and the final status they carried. */
    record Delivered(Set<String> eventIds, String lastStatus) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port = FreePorts.next();
    private final Map<String, Set<String>> eventsByOrder = new ConcurrentHashMap<>();
    private final Map<String, String> statusByOrder = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> deliveriesByEvent = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private volatile java.time.Instant lastNewDelivery;
    private volatile Mode mode = Mode.ACCEPT;
    private HttpServer server;

    CallbackReceiver() {
        start();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/merchant/callback";
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + port, e);
        }
        server.createContext("/merchant/callback", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    /** Down: connections are refused until {@link #start()}. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
            server = null;
        }
    }

    void mode(Mode next) {
        this.mode = next;
    }

    /** The orders acknowledged so far, with their event ids and the last status delivered. */
    Map<String, Delivered> delivered() {
        Map<String, Delivered> out = new ConcurrentHashMap<>();
        eventsByOrder.forEach((order, events) -> out.put(order, new Delivered(Set.copyOf(events), statusByOrder.get(order))));
        return out;
    }

    /** Events acknowledged more than once (at-least-once delivery makes some; they are counted, not failed). */
    long redeliveredEvents() {
        return deliveriesByEvent.values().stream().filter(n -> n.get() > 1).count();
    }

    /** When an event was acknowledged for the first time last (null before any). */
    java.time.Instant lastNewDelivery() {
        return lastNewDelivery;
    }

    long refusedCalls() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (mode == Mode.ANSWER_503) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            JsonNode callback = JSON.readTree(body);
            String orderId = callback.path("orderId").asText();
            String eventId = exchange.getRequestHeaders().getFirst("X-Event-Id");
            if (eventsByOrder.computeIfAbsent(orderId, k -> ConcurrentHashMap.newKeySet()).add(eventId)) {
                lastNewDelivery = java.time.Instant.now();
            }
            statusByOrder.put(orderId, callback.path("status").asText());
            deliveriesByEvent.computeIfAbsent(eventId, k -> new AtomicLong()).incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
