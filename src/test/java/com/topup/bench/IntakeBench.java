package com.topup.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.devenv.KeycloakTokens;
import com.topup.merchant.RequestSignature;
import java.net.URI;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Loads a running product (bin/start) with signed orders from several merchants in parallel and prints
 * orders/s and latency percentiles next to a baseline measured in the same run (signed balance reads:
 * authentication and one read, no write), then checks that every accepted order and its debit are stored.
 *
 * <p>Run with bin/bench intake [seconds] [concurrency] [merchants].
 */
public final class IntakeBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Mobile prefixes of every carrier; each order gets its own number (the same number again would be held). */
    private static final String[] PREFIXES = {"138", "139", "186", "130", "189", "133", "150", "177"};

    private final String baseUrl;
    private final String host;
    private final int port;
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final WebClient web;

    private IntakeBench(String baseUrl, int connections) {
        this.baseUrl = baseUrl;
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.web = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(connections)
                .setConnectTimeout(5_000));
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int merchantCount = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        String appUrl = env("TOPUP_URL", "http://127.0.0.1:" + env("TOPUP_HTTP_PORT", "8080"));
        String keycloakUrl = env("TOPUP_KEYCLOAK_URL", "http://127.0.0.1:" + env("TOPUP_KEYCLOAK_PORT", "8180"));
        String jdbcUrl = env("TOPUP_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + env("TOPUP_PG_PORT", "5433") + "/topup");

        IntakeBench bench = new IntakeBench(appUrl, concurrency);
        List<Merchant> merchants = bench.openMerchants(keycloakUrl, merchantCount);
        System.out.printf("Intake benchmark: %d merchants, %d requests in flight, %d s per phase, against %s%n",
                merchantCount, concurrency, seconds, appUrl);
        System.out.printf("Machine: %d cores, Java %s; the load generator runs on the same machine.%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        bench.run("warm-up", merchants, concurrency, 5, IntakeBench::balanceRequest);
        Result baseline = bench.run("baseline: signed GET /api/v1/balance", merchants, concurrency, seconds, IntakeBench::balanceRequest);
        bench.run("warm-up", merchants, concurrency, 5, IntakeBench::orderRequest);
        Result intake = bench.run("intake: signed POST /api/v1/orders", merchants, concurrency, seconds, IntakeBench::orderRequest);

        System.out.println();
        baseline.print();
        intake.print();
        System.out.printf("ratio: intake throughput is %.2f of the signed-read baseline%n",
                intake.perSecond() / baseline.perSecond());
        System.out.printf("target: >= 2000 orders/s with p99 <= 50 ms -> %s%n",
                intake.perSecond() >= 2000 && intake.percentileMillis(99) <= 50 ? "met" : "NOT met");
        verify(jdbcUrl, intake.acceptedOrders());
        bench.vertx.close();
    }

    private record Merchant(String code, byte[] secret) {
    }

    private record Call(String method, String path, byte[] body) {
    }

    private List<Merchant> openMerchants(String keycloakUrl, int count) throws Exception {
        String token = KeycloakTokens.accessToken(keycloakUrl + "/realms/topup", "topup-cli", "admin", "admin");
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<Merchant> merchants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = "bench-" + run + "-" + i;
            String secret = "bench-secret-" + UUID.randomUUID();
            String body = JSON.writeValueAsString(Map.of("code", code, "name", "Benchmark " + i, "secret", secret,
                    "openingBalance", 1_000_000_000_000L));
            java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                            URI.create(baseUrl + "/admin/api/merchants"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("Cannot open merchant " + code + ": " + response.statusCode() + " " + response.body());
            }
            merchants.add(new Merchant(code, secret.getBytes(StandardCharsets.UTF_8)));
        }
        return merchants;
    }

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private static Call orderRequest(Merchant merchant) {
        long n = SEQUENCE.incrementAndGet();
        String body = "{\"merchantOrderId\":\"B" + n + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"phone\":\"" + PREFIXES[(int) (n % PREFIXES.length)] + String.format("%08d", n % 100_000_000)
                + "\",\"faceValue\":" + (n % 2 == 0 ? 1000 : 5000) + "}";
        return new Call("POST", "/api/v1/orders", body.getBytes(StandardCharsets.UTF_8));
    }

    private static Call balanceRequest(Merchant merchant) {
        return new Call("GET", "/api/v1/balance", new byte[0]);
    }

    private Result run(String name, List<Merchant> merchants, int concurrency, int seconds,
                       Function<Merchant, Call> nextCall) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        for (int lane = 0; lane < concurrency; lane++) {
            Runnable[] loop = new Runnable[1];
            loop[0] = () -> {
                if (System.nanoTime() >= end) {
                    done.countDown();
                    return;
                }
                Merchant merchant = merchants.get(next.getAndIncrement() % merchants.size());
                Call call = nextCall.apply(merchant);
                long sent = System.nanoTime();
                send(merchant, call).onComplete(result -> {
                    latencies.add(System.nanoTime() - sent);
                    int status = result.succeeded() ? result.result().statusCode() : -1;
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    if (status == 201) {
                        accepted.add(orderIdOf(result.result().bodyAsString()));
                    }
                    loop[0].run();
                });
            };
            vertx.runOnContext(v -> loop[0].run());
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(name, elapsed, latencies.stream().mapToLong(Long::longValue).sorted().toArray(), statuses, List.copyOf(accepted));
    }

    private Future<HttpResponse<Buffer>> send(Merchant merchant, Call call) {
        String timestamp = Long.toString(System.currentTimeMillis());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String signature = RequestSignature.sign(merchant.secret(),
                RequestSignature.canonical(call.method(), call.path(), timestamp, nonce, call.body()));
        HttpRequest<Buffer> request = web.request(HttpMethod.valueOf(call.method()), port, host, call.path())
                .timeout(30_000)
                .putHeader("X-Merchant-Id", merchant.code())
                .putHeader("X-Timestamp", timestamp)
                .putHeader("X-Nonce", nonce)
                .putHeader("X-Signature", signature);
        if (call.body().length > 0) {
            return request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(call.body()));
        }
        return request.send();
    }

    private static String orderIdOf(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node.get("orderId").asText();
        } catch (Exception e) {
            throw new IllegalStateException("Unexpected 201 body: " + body, e);
        }
    }

    private record Result(String name, double seconds, long[] latencies, Map<Integer, AtomicInteger> statuses,
                          List<String> acceptedOrders) {

        double perSecond() {
            return successes() / seconds;
        }

        long successes() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 200 && e.getKey() < 300)
                    .mapToLong(e -> e.getValue().get()).sum();
        }

        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latencies.length - 1, Math.ceil(p / 100.0 * latencies.length) - 1);
            return latencies[Math.max(0, index)] / 1e6;
        }

        void print() {
            System.out.printf("%-40s %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  max %7.1f ms  (%d ok in %.1f s; statuses %s)%n",
                    name, perSecond(), percentileMillis(50), percentileMillis(99), percentileMillis(100),
                    successes(), seconds, statuses);
        }
    }

    private static void verify(String jdbcUrl, List<String> orderIds) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            Array ids = db.createArrayOf("text", orderIds.toArray());
            try (PreparedStatement query = db.prepareStatement("""
                    select count(*), count(l.id), coalesce(sum(case when l.amount = o.price then 1 else 0 end), 0)
                    from topup_order o left join ledger_entry l on l.order_id = o.id and l.kind = 'DEBIT'
                    where o.id = any(?)""")) {
                query.setArray(1, ids);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    long orders = rs.getLong(1);
                    long debits = rs.getLong(2);
                    long exact = rs.getLong(3);
                    boolean ok = orders == orderIds.size() && debits == orderIds.size() && exact == orderIds.size();
                    System.out.printf("check: %d accepted orders, %d found in the database, %d with their debit (%d of the exact price) -> %s%n",
                            orderIds.size(), orders, debits, exact, ok ? "OK" : "MISMATCH");
                    if (!ok) {
                        System.exit(1);
                    }
                }
            }
        }
        System.out.println("distinct accepted ids: " + Arrays.stream(orderIds.toArray()).distinct().count());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
