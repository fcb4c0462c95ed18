package com.topup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.devenv.LocalApp;
import com.topup.devenv.TestServices;
import com.topup.devenv.TwoAppInstances;
import com.topup.merchant.RequestSignature;
import com.topup.support.MerchantApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two processes of the packaged app against one PostgreSQL and one broker behave like one: a nonce used on
 * one is a replay on the other, concurrent identical orders across both make one order and one debit, their
 * outbox relays publish every order exactly once between them, their dispatchers (one consumer group) process
 * every order exactly once, a merchant's rate limit is one limit over both, and a rule version published on one is
 * live on the other without a failed decision.
 */
class TwoInstancesIT {

    private static final String MERCHANT = "demo-merchant";
    private static final byte[] SECRET = "demo-merchant-secret".getBytes(StandardCharsets.UTF_8);

    private static TwoAppInstances apps;
    private static Map<String, String> config;
    private static LocalApp first;
    private static LocalApp second;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoInstances() {
        apps = TwoAppInstances.start("two-instances");
        config = apps.config();
        first = apps.first();
        second = apps.second();
    }

    @AfterAll
    static void stop() {
        if (apps != null) {
            apps.close();
        }
    }

    @Test
    void nonceUsedOnOneInstanceIsAReplayOnTheOther() throws Exception {
        String timestamp = Long.toString(System.currentTimeMillis());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        assertEquals(200, send(first, "GET", "/api/v1/balance", "", timestamp, nonce).statusCode());
        HttpResponse<String> replay = send(second, "GET", "/api/v1/balance", "", timestamp, nonce);
        assertEquals(401, replay.statusCode());
        assertTrue(replay.body().contains("REPLAYED_NONCE"), replay.body());
    }

    @Test
    void concurrentIdenticalOrdersOnBothInstancesMakeOneOrderAndOneDebit() throws Exception {
        String merchantOrderId = "TWO-" + UUID.randomUUID().toString().substring(0, 12);
        String body = "{\"merchantOrderId\":\"" + merchantOrderId + "\",\"phone\":\"13800138000\",\"faceValue\":2000}";
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                LocalApp target = i % 2 == 0 ? first : second;
                calls.add(pool.submit(() -> post(target, "/api/v1/orders", body)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> call : calls) {
                statuses.add(call.get().statusCode());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(19, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        try (Connection db = database(); ResultSet rs = db.createStatement().executeQuery(
                "select count(distinct o.id), count(l.id) from topup_order o join merchant m on m.id = o.merchant_id "
                        + "left join ledger_entry l on l.order_id = o.id and l.kind = 'DEBIT' "
                        + "where m.code = '" + MERCHANT + "' and o.merchant_order_id = '" + merchantOrderId + "'")) {
            rs.next();
            assertEquals(1, rs.getLong(1), "orders");
            assertEquals(1, rs.getLong(2), "debits");
        }
    }

    @Test
    void bothInstancesTogetherPublishAndProcessEveryOrderExactlyOnce() throws Exception {
        quickSimulatedSuppliers();
        try (KafkaConsumer<String, String> consumer = eventsConsumer()) {
            List<String> placed = placeOrders(60, "RELAY");
            Map<String, Integer> accepted = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!accepted.keySet().containsAll(placed) && System.nanoTime() < deadline) {
                countAccepted(consumer, accepted, 500);
            }
            // a little longer, so a duplicate publish would show up
            long settle = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < settle) {
                countAccepted(consumer, accepted, 200);
            }
            assertTrue(accepted.keySet().containsAll(placed), "every order published");
            Set<String> duplicated = placed.stream().filter(id -> accepted.get(id) != 1).collect(Collectors.toSet());
            assertTrue(duplicated.isEmpty(), "accepted event published more than once: " + duplicated);
            assertProcessedExactlyOnce(placed);
        }
    }

    /** Every order final; at most one attempt per channel and one success; one debit, and one refund iff it failed. */
    private static void assertProcessedExactlyOnce(List<String> orders) throws Exception {
        String ids = orders.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long open;
        do {
            open = count("select count(*) from topup_order where id in (" + ids + ") and status not in ('SUCCEEDED', 'FAILED')");
            if (open > 0) {
                Thread.sleep(200);
            }
        } while (open > 0 && System.nanoTime() < deadline);
        assertEquals(0, open, "every order final");
        assertEquals(0, count("""
                select count(*) from (select order_id, channel_code from channel_attempt where order_id in (%s)
                group by order_id, channel_code having count(*) > 1) twice""".formatted(ids)), "one attempt per channel");
        assertEquals(0, count("""
                select count(*) from (select order_id from channel_attempt where order_id in (%s) and status = 'SUCCEEDED'
                group by order_id having count(*) > 1) twice""".formatted(ids)), "one successful attempt per order");
        assertEquals(0, count("""
                select count(*) from topup_order o where o.id in (%s) and
                  (o.status = 'SUCCEEDED') <> exists (select 1 from channel_attempt a where a.order_id = o.id and a.status = 'SUCCEEDED')"""
                .formatted(ids)), "succeeded exactly when an attempt succeeded");
        assertEquals(0, count("""
                select count(*) from topup_order o where o.id in (%s) and (
                  (select count(*) from ledger_entry l where l.order_id = o.id and l.kind = 'DEBIT') <> 1 or
                  (select count(*) from ledger_entry l where l.order_id = o.id and l.kind = 'REFUND')
                    <> case when o.status = 'FAILED' then 1 else 0 end)""".formatted(ids)), "one debit, a refund iff failed");
    }

    @Test
    void eachDuplicateChargeIsRecordedDecidedAndReversedOnceAcrossBothInstances() throws Exception {
        suppliers(CHARGED_TWICE);
        try {
            List<String> placed = placeOrders(20, "TWICE");
            String ids = placed.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            long settled;
            do {
                Thread.sleep(300);
                settled = count("""
                        select count(*) from anomaly a where a.kind = 'DUPLICATE_SUCCESS' and a.order_id in (%s)
                          and exists (select 1 from repair_step s where s.anomaly_id = a.id
                                      and s.action in ('REVERSED', 'CLAIM_RECORDED'))""".formatted(ids));
            } while (settled < placed.size() && System.nanoTime() < deadline);
            assertEquals(placed.size(), settled, "every order's second charge reversed or claimed");
            assertEquals(placed.size(), count("""
                    select count(*) from anomaly where kind = 'DUPLICATE_SUCCESS' and order_id in (%s)""".formatted(ids)),
                    "one anomaly per second charge");
            assertEquals(0, count("""
                    select count(*) from anomaly a where a.order_id in (%s) and a.kind = 'DUPLICATE_SUCCESS' and (
                      (select count(*) from repair_step s where s.anomaly_id = a.id and s.actor like 'repair rules%%') <> 1
                      or (select count(*) from repair_step s where s.anomaly_id = a.id
                          and s.action in ('REVERSED', 'CLAIM_RECORDED')) <> 1)""".formatted(ids)),
                    "each decided once and answered once");
            assertProcessedExactlyOnce(placed);
        } finally {
            quickSimulatedSuppliers();
        }
    }

    private static final String CHARGED_TWICE = """
            {"successRate": {"CHINA_MOBILE": 1.0, "CHINA_UNICOM": 1.0, "CHINA_TELECOM": 1.0, "CHINA_BROADNET": 1.0},
             "submitLatency": {"medianMs": 20, "p95Ms": 60}, "resultLatency": {"medianMs": 200, "p95Ms": 600},
             "chargedTwiceRate": 1.0}""";

    private static List<String> placeOrders(int count, String prefix) throws Exception {
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalApp target = i % 2 == 0 ? first : second;
            HttpResponse<String> response = post(target, "/api/v1/orders",
                    "{\"merchantOrderId\":\"" + prefix + "-" + UUID.randomUUID().toString().substring(0, 12)
                            + "\",\"phone\":\"" + MerchantApi.uniquePhone() + "\",\"faceValue\":1000}");
            assertEquals(201, response.statusCode(), response.body());
            placed.add(response.body().replaceAll(".*\"orderId\":\"([^\"]+)\".*", "$1"));
        }
        return placed;
    }

    private static void countAccepted(KafkaConsumer<String, String> consumer, Map<String, Integer> accepted, long pollMillis) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(pollMillis))) {
            if (record.value().contains("\"type\":\"ORDER_ACCEPTED\"")) {
                accepted.merge(record.key(), 1, Integer::sum);
            }
        }
    }

    /** The demo suppliers answer within a second or two and rarely fail, on both instances' simulators. */
    private static void quickSimulatedSuppliers() throws Exception {
        suppliers("""
                {"successRate": {"CHINA_MOBILE": 0.9, "CHINA_UNICOM": 0.9, "CHINA_TELECOM": 0.9, "CHINA_BROADNET": 0.9},
                 "rejectRate": 0.05, "submitLatency": {"medianMs": 20, "p95Ms": 60},
                 "resultLatency": {"medianMs": 200, "p95Ms": 600}, "duplicateCallbackRate": 0.1, "lostCallbackRate": 0.05}""");
    }

    private static void suppliers(String behaviour) throws Exception {
        String admin = com.topup.devenv.KeycloakTokens.accessToken(config.get(TestServices.KEYCLOAK_URL) + "/realms/topup",
                "topup-cli", "admin", "admin");
        for (LocalApp app : List.of(first, second)) {
            for (String supplier : List.of("sim-fast", "sim-cheap", "sim-flaky", "sim-broadnet")) {
                HttpResponse<String> changed = staff(app, admin, "PUT", "/admin/api/sim/suppliers/" + supplier, behaviour);
                assertEquals(200, changed.statusCode(), changed.body());
                HttpResponse<String> timings = staff(app, admin, "PUT", "/admin/api/channels/" + supplier,
                        "{\"expectedCompletionMs\": 3000}");
                assertEquals(200, timings.statusCode(), timings.body());
            }
        }
    }

    private static long count(String query) throws Exception {
        try (Connection db = database(); ResultSet rs = db.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aMerchantsRateLimitIsOneLimitOverBothInstances() throws Exception {
        String admin = com.topup.devenv.KeycloakTokens.accessToken(config.get(TestServices.KEYCLOAK_URL) + "/realms/topup",
                "topup-cli", "admin", "admin");
        String code = "rate-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "rate-limited-merchant-secret";
        HttpResponse<String> opened = staff(first, admin, "POST", "/admin/api/merchants",
                "{\"code\":\"" + code + "\",\"secret\":\"" + secret + "\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        int limit = 20;
        HttpResponse<String> limited = staff(second, admin, "PUT", "/admin/api/merchants/" + code + "/limits",
                "{\"requestsPerSecond\":" + limit + ",\"allowedIps\":null}");
        assertEquals(200, limited.statusCode(), limited.body());

        int requests = 120;
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<HttpResponse<String>> answers = new ArrayList<>();
        long firstSecond;
        long lastSecond;
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            firstSecond = System.currentTimeMillis() / 1000;
            for (int i = 0; i < requests; i++) {
                LocalApp target = i % 2 == 0 ? first : second;
                calls.add(pool.submit(() -> send(target, code, secret.getBytes(StandardCharsets.UTF_8), "GET",
                        "/api/v1/balance", "", Long.toString(System.currentTimeMillis()),
                        UUID.randomUUID().toString().replace("-", ""))));
            }
            for (Future<HttpResponse<String>> call : calls) {
                answers.add(call.get());
            }
            lastSecond = System.currentTimeMillis() / 1000;
        } finally {
            pool.shutdownNow();
        }
        long admitted = answers.stream().filter(a -> a.statusCode() == 200).count();
        List<HttpResponse<String>> refused = answers.stream().filter(a -> a.statusCode() == 429).toList();
        assertEquals(requests, admitted + refused.size(), "every answer is 200 or 429");
        long windows = lastSecond - firstSecond + 1;
        System.out.printf("rate limit %d/s over two instances: %d of %d admitted within %d second(s)%n",
                limit, admitted, requests, windows);
        // limits counted per instance would admit up to twice the limit in each second
        assertTrue(admitted <= limit * windows, admitted + " admitted in " + windows + " second(s)");
        assertTrue(admitted >= limit, "a whole second's worth is admitted: " + admitted);
        assertTrue(refused.stream().allMatch(a -> a.body().contains("RATE_LIMITED")
                && a.headers().firstValue("Retry-After").isPresent()), "429 RATE_LIMITED with Retry-After");
    }

    @Test
    void aVersionApprovedOnOneInstanceIsSoonLiveOnTheOther() throws Exception {
        String keycloak = config.get(TestServices.KEYCLOAK_URL) + "/realms/topup";
        String analyst = com.topup.devenv.KeycloakTokens.accessToken(keycloak, "topup-cli", "analyst", "analyst");
        String approver = com.topup.devenv.KeycloakTokens.accessToken(keycloak, "topup-cli", "approver", "approver");
        String seed;
        try (var in = TwoInstancesIT.class.getResourceAsStream("/rules/routing.drl")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int active = liveRoutingVersion(second);
        String drl = seed + "\nrule \"Exclude very expensive channels\"\n    when\n        $c : ChannelFact( costRate > 0.999 )\n"
                + "    then\n        decision.exclude($c, \"too expensive\");\nend\n";
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                Map.of("drl", drl, "comment", "published across instances", "baseVersion", active));
        HttpResponse<String> created = staff(first, analyst, "POST", "/admin/api/rulesets/routing/versions", body);
        assertEquals(201, created.statusCode(), created.body());
        int version = Integer.parseInt(created.body().replaceAll(".*\"version\":(\\d+).*", "$1"));
        assertEquals(200, staff(first, analyst, "POST", "/admin/api/rulesets/routing/versions/" + version + "/submit", "").statusCode());

        quickSimulatedSuppliers();
        ExecutorService traffic = Executors.newSingleThreadExecutor();
        Future<List<String>> during = traffic.submit(() -> placeOrders(30, "SWITCH"));
        HttpResponse<String> approved = staff(first, approver, "POST", "/admin/api/rulesets/routing/versions/" + version + "/approve", "");
        assertEquals(200, approved.statusCode(), approved.body());
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(10).toNanos();
        while (liveRoutingVersion(second) != version && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("live on the first instance when approve answered; on the second %d ms later%n", millis);
        assertEquals(version, liveRoutingVersion(second), "the second instance decides with the approved version");
        // the 1 s target belongs in a benchmark; this bound only proves propagation on a loaded CI machine
        assertTrue(millis <= 5_000, "live on the second instance after " + millis + " ms");

        List<String> orders = during.get();
        traffic.shutdown();
        assertProcessedExactlyOnce(orders);
        String ids = orders.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        assertEquals(0, count("select count(*) from channel_attempt where order_id in (" + ids + ") and rule_version is null"),
                "every routing decision during the switch was made by a rule version, none by the safe default");
        assertTrue(count("select count(distinct rule_version) from channel_attempt where order_id in (" + ids + ")") >= 1);
        for (LocalApp app : List.of(first, second)) {
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(app.url() + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(metrics.body().lines().filter(l -> l.startsWith("topup_rule_guard_trips_total"))
                    .allMatch(l -> l.trim().endsWith(" 0.0")), "no decision failed a guard");
        }
    }

    private static int liveRoutingVersion(LocalApp app) throws Exception {
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(app.url() + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        String version = ready.body().replaceAll("(?s).*\"routing\"\\s*:\\s*\"v(\\d+)\".*", "$1");
        return Integer.parseInt(version);
    }

    private static HttpResponse<String> staff(LocalApp app, String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url() + path)).header("Authorization", "Bearer " + token);
        if (body.isEmpty()) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(LocalApp app, String path, String body) throws Exception {
        return send(app, "POST", path, body, Long.toString(System.currentTimeMillis()), UUID.randomUUID().toString().replace("-", ""));
    }

    private static HttpResponse<String> send(LocalApp app, String method, String path, String body, String timestamp,
                                             String nonce) throws Exception {
        return send(app, MERCHANT, SECRET, method, path, body, timestamp, nonce);
    }

    private static HttpResponse<String> send(LocalApp app, String merchant, byte[] secret, String method, String path,
                                             String body, String timestamp, String nonce) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = RequestSignature.sign(secret, RequestSignature.canonical(method, path, timestamp, nonce, bytes));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url() + path))
                .header("X-Merchant-Id", merchant)
                .header("X-Timestamp", timestamp)
                .header("X-Nonce", nonce)
                .header("X-Signature", signature);
        if (bytes.length > 0) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
    }

    private static KafkaConsumer<String, String> eventsConsumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka.bootstrap.servers"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "two-instances-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("topup.order-events"));
        return consumer;
    }
}
