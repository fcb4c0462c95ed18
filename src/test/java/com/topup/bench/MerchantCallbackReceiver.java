package com.topup.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The merchant's end of the result callbacks: acknowledges every POST with 200, as a merchant's server would, and
 * keeps when it first heard of each order.
 */
final class MerchantCallbackReceiver implements AutoCloseable {

    private static final String ORDER_ID = "\"orderId\":\"";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Map<String, Instant> firstHeard = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();

    private MerchantCallbackReceiver(HttpServer server) {
        this.server = server;
        server.createContext("/results", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Instant now = Instant.now();
            received.incrementAndGet();
            int at = body.indexOf(ORDER_ID);
            if (at >= 0) {
                int from = at + ORDER_ID.length();
                firstHeard.putIfAbsent(body.substring(from, body.indexOf('"', from)), now);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    static MerchantCallbackReceiver start() throws IOException {
        return new MerchantCallbackReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256));
    }

    /** The notifyUrl the orders carry. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/results";
    }

    /**
     * Waits up to {@code patience} for the callbacks of {@code orders}, then says how many came and how long after
     * each order's final state the first one arrived.
     */
    String report(Collection<FinalOrder> orders, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (orders.stream().anyMatch(o -> !firstHeard.containsKey(o.orderId())) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<Long> lag = new ArrayList<>();
        for (FinalOrder order : orders) {
            Instant heard = firstHeard.get(order.orderId());
            if (heard != null && order.finishedAt() != null) {
                lag.add(Duration.between(order.finishedAt(), heard).toMillis());
            }
        }
        Percentiles p = new Percentiles(lag);
        return String.format("merchant callbacks: %d of %d orders heard of (%d callbacks received in all); final -> "
                + "callback p50 %d ms, p99 %d ms", lag.size(), orders.size(), received.get(), p.at(50), p.at(99));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
