package com.topup.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * A steady signed order load over the app instances, as a merchant behind a load balancer sees it: orders go round
 * robin; a refused connection, a timeout, a 5xx or a 429 is tried again on the next instance with the same body (so the
 * same merchantOrderId: the platform answers the original order and charges once) until {@code retryFor} has passed.
 */
final class OrderLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long[] FACE_VALUES = {1_000, 2_000, 3_000, 5_000};
    /** Prefixes of the four carriers, so every simulated supplier gets work. */
    private static final String[] PREFIXES = {"138", "139", "150", "130", "186", "133", "189", "192"};
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final long RETRY_PAUSE_MS = 500;

    private final String run;
    private final Supplier<List<String>> instances;
    private final String notifyUrl;
    private final Duration retryFor;
    private final SignedOrders merchant = new SignedOrders();
    private final List<SentOrder> orders = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong phones = new AtomicLong(System.nanoTime() % 10_000_000);
    private final ScheduledExecutorService retries = Executors.newScheduledThreadPool(2);
    private volatile double perSecond;
    private volatile boolean running;
    private Thread pacer;

    OrderLoad(String run, Supplier<List<String>> instances, String notifyUrl, double perSecond, Duration retryFor) {
        this.run = run;
        this.instances = instances;
        this.notifyUrl = notifyUrl;
        this.perSecond = perSecond;
        this.retryFor = retryFor;
    }

    synchronized void start() {
        running = true;
        pacer = new Thread(this::pace, "chaos-load-" + run);
        pacer.setDaemon(true);
        pacer.start();
    }

    /** Changes the arrival rate from now on (a burst and back). */
    void rate(double ordersPerSecond) {
        this.perSecond = ordersPerSecond;
    }

    double rate() {
        return perSecond;
    }

    /** Stops sending new orders and waits until every order sent is answered or given up. */
    void stopAndDrain(Duration timeout) throws InterruptedException {
        running = false;
        if (pacer != null) {
            pacer.join();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (orders().stream().anyMatch(SentOrder::open) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    synchronized List<SentOrder> orders() {
        return List.copyOf(orders);
    }

    private void pace() {
        long due = System.nanoTime();
        while (running) {
            LockSupport.parkNanos(due - System.nanoTime());
            if (!running) {
                break;
            }
            send(newOrder());
            due += (long) (1_000_000_000L / perSecond);
            if (System.nanoTime() - due > 2_000_000_000L) {
                due = System.nanoTime(); // the generator itself fell behind: never send a catch-up burst
            }
        }
    }

    private SentOrder newOrder() {
        int n = next.incrementAndGet();
        String merchantOrderId = "CH-" + run + "-" + n;
        String phone = PREFIXES[n % PREFIXES.length] + String.format("%08d", phones.incrementAndGet() % 100_000_000);
        String json = "{\"merchantOrderId\":\"" + merchantOrderId + "\",\"phone\":\"" + phone + "\",\"faceValue\":"
                + FACE_VALUES[n % FACE_VALUES.length] + ",\"notifyUrl\":\"" + notifyUrl + "\"}";
        SentOrder order = new SentOrder(n, merchantOrderId, json, Instant.now());
        synchronized (this) {
            orders.add(order);
        }
        return order;
    }

    private void send(SentOrder order) {
        List<String> apps = instances.get();
        String app = apps.get((order.number + order.tries) % apps.size());
        order.tries++;
        merchant.place(app, order.json, REQUEST_TIMEOUT).whenComplete((response, error) -> answered(order, response, error));
    }

    private void answered(SentOrder order, HttpResponse<String> response, Throwable error) {
        if (error == null && (response.statusCode() == 201 || response.statusCode() == 200)) {
            try {
                order.orderId = JSON.readTree(response.body()).path("orderId").asText();
                order.acceptedAt = Instant.now();
            } catch (Exception e) {
                order.lastRefusal = "unreadable answer";
                order.givenUp = true;
            }
            return;
        }
        order.lastRefusal = error != null ? error.getClass().getSimpleName() : "HTTP " + response.statusCode() + " " + body(response);
        boolean worthRetrying = error != null || response.statusCode() >= 500 || response.statusCode() == 429;
        if (worthRetrying && Duration.between(order.sentAt, Instant.now()).compareTo(retryFor) < 0 && !retries.isShutdown()) {
            retries.schedule(() -> send(order), RETRY_PAUSE_MS, TimeUnit.MILLISECONDS);
        } else {
            order.givenUp = true;
        }
    }

    private static String body(HttpResponse<String> response) {
        String body = response.body();
        return body == null ? "" : body.length() > 120 ? body.substring(0, 120) : body;
    }

    @Override
    public void close() {
        running = false;
        retries.shutdownNow();
    }
}
