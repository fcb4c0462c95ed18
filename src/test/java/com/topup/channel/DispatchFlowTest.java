package com.topup.channel;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.notify.CallbackOrders;
import com.topup.notify.CallbackSignature;
import com.topup.notify.TestMerchantReceiver;
import com.topup.support.MerchantApi;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Orders through the real dispatch path: Kafka topup.dispatch, the routing and fallback rules, the channel
 * adapters over HTTP to the simulator, its callbacks and status queries, and the merchant callback.
 */
@QuarkusTest
class DispatchFlowTest {

    @TestHTTPResource("/")
    URL app;

    @Inject
    com.topup.common.db.Sql sql;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ChannelService channels;

    @Inject
    com.topup.channel.dispatch.DueWork due;

    @Inject
    ChannelDirectory directory;

    @Inject
    com.topup.channel.dispatch.Dispatcher dispatcher;

    @BeforeEach
    void cleanHealthWindow() {
        SimulatedChannels.forgetHealthHistory();
    }

    @AfterEach
    void restore() {
        SimulatedChannels.restore();
    }

    private String place(String notifyUrl) {
        return CallbackOrders.place(notifyUrl);
    }

    private static JsonPath staffOrder(String orderId) {
        return given().auth().oauth2(SimulatedChannels.token("operator")).get("/admin/api/orders/" + orderId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath finalOrder(String orderId, Duration within) {
        CallbackOrders.eventually(within, "order " + orderId + " final", () -> {
            String status = staffOrder(orderId).getString("order.status");
            return "SUCCEEDED".equals(status) || "FAILED".equals(status) || "REVIEW".equals(status);
        });
        return staffOrder(orderId);
    }

    /** The types of the order's events on topup.order-events, in order, once {@code expected} of them arrived. */
    private List<String> eventTypes(String orderId, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dispatch-flow-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("topup.order-events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (types.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (orderId.equals(record.key())) {
                        types.add(new JsonPath(record.value()).getString("type"));
                    }
                }
            }
        }
        return types;
    }

    private long balance() {
        return MerchantApi.demo().get("/api/v1/balance").then().statusCode(200).extract().jsonPath().getLong("balance");
    }

    @Test
    void anOrderWhoseFallbackDispatchWasLostIsSentOnToTheNextChannel() {
        com.topup.repair.RepairScenarios.channelThatNeverAnswers();
        SimulatedChannels.timings("sim-fast", 3_000, 600_000);
        String orderId = place(null);
        CallbackOrders.eventually(Duration.ofSeconds(20), "attempt under way",
                () -> "PROCESSING".equals(staffOrder(orderId).getString("order.status")));
        sql.update("update topup_order set updated_at = now() - interval '2 minutes' where id = ?", orderId);
        assertFalse(strandedNow(orderId), "an order quiet for minutes with its attempt under way is not stranded");

        SimulatedChannels.only("sim-fast", "sim-cheap");
        SimulatedChannels.behave("sim-cheap", SimulatedChannels.behaviour(null));
        // the first attempt failed and the fallback's next-channel dispatch was read, then lost
        sql.update("""
                update channel_attempt set status = 'FAILED', error_class = 'REJECTED', error_code = 'LOST_DISPATCH',
                    finished_at = now(), next_query_at = null where order_id = ?""", orderId);
        assertTrue(strandedNow(orderId), "sent on");
        JsonPath done = finalOrder(orderId, Duration.ofSeconds(20));
        assertEquals("SUCCEEDED", done.getString("order.status"));
        assertEquals(List.of("sim-fast", "sim-cheap"), done.getList("attempts.channel"));
        assertFalse(strandedNow(orderId), "a final order is left alone");
    }

    /** Runs the stranded-order sweep now; whether it sent this order back to dispatch. */
    private boolean strandedNow(String orderId) {
        return due.redispatchStranded(1_000).contains(orderId);
    }

    @Test
    void anOrderSucceedsOnItsChannelAndTheMerchantIsToldWithASignedCallback() throws Exception {
        SimulatedChannels.only("sim-fast");
        SimulatedChannels.behave("sim-fast", SimulatedChannels.behaviour(null));
        String inbox = CallbackOrders.newInbox();

        String orderId = place(CallbackOrders.receiverUrl(app.getPort(), inbox));

        JsonPath order = finalOrder(orderId, Duration.ofSeconds(20));
        assertEquals("SUCCEEDED", order.getString("order.status"));
        assertNotNull(order.getString("order.finishedAt"));
        List<Map<String, Object>> attempts = order.getList("attempts");
        assertEquals(1, attempts.size());
        assertEquals("sim-fast", attempts.get(0).get("channel"));
        assertEquals("SUCCEEDED", attempts.get(0).get("status"));
        assertNotNull(attempts.get(0).get("ruleVersion"), "the routing rule version is recorded");
        assertNotNull(attempts.get(0).get("predictedSuccess"), "and the success predicted for the channel");
        assertTrue(((List<?>) attempts.get(0).get("firedRules")).stream().anyMatch(r -> r.toString().startsWith("Use channels")
                || r.toString().startsWith("Prefer channels") || r.toString().startsWith("Explore")), attempts.toString());

        CallbackOrders.eventually(Duration.ofSeconds(10), "merchant callback", () -> !TestMerchantReceiver.received(inbox).isEmpty());
        assertEquals(List.of("ORDER_ACCEPTED", "ORDER_PROCESSING", "ORDER_SUCCEEDED"), eventTypes(orderId, 3),
                "every state change is published on topup.order-events");
        TestMerchantReceiver.Received callback = TestMerchantReceiver.received(inbox).get(0);
        assertEquals(CallbackSignature.sign(MerchantApi.DEMO_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), callback.timestamp(), callback.body()), callback.signature());
        JsonPath body = new JsonPath(callback.body());
        assertEquals(orderId, body.getString("orderId"));
        assertEquals("SUCCEEDED", body.getString("status"));
        assertEquals(callback.eventId(), body.getString("eventId"));
    }

    @Test
    void aRejectingChannelIsFollowedByTheNextOne() {
        SimulatedChannels.only("sim-cheap", "sim-fast");
        SimulatedChannels.behave("sim-cheap", SimulatedChannels.behaviour("\"rejectRate\": 1.0"));
        SimulatedChannels.behave("sim-fast", SimulatedChannels.behaviour(null));
        boolean sawRejection = false;
        for (int i = 0; i < 12 && !sawRejection; i++) {
            String orderId = place(null);
            JsonPath order = finalOrder(orderId, Duration.ofSeconds(20));
            assertEquals("SUCCEEDED", order.getString("order.status"));
            List<Map<String, Object>> attempts = order.getList("attempts");
            Map<String, Object> last = attempts.get(attempts.size() - 1);
            assertEquals("sim-fast", last.get("channel"));
            assertEquals("SUCCEEDED", last.get("status"));
            if (attempts.size() == 2) {
                assertEquals("sim-cheap", attempts.get(0).get("channel"));
                assertEquals("FAILED", attempts.get(0).get("status"));
                assertEquals("REJECTED", attempts.get(0).get("errorClass"));
                assertEquals("NEXT_CHANNEL", attempts.get(0).get("fallbackAction"));
                sawRejection = true;
            }
        }
        // both channels start unknown to the success model: the cheaper one (sim-cheap) comes first until its
        // rejections are learnt
        assertTrue(sawRejection, "in twelve orders the rejecting channel was tried first at least once");
    }

    @Test
    void whenEveryChannelFailsTheOrderFailsAndThePriceGoesBack() {
        SimulatedChannels.only("sim-fast", "sim-cheap");
        SimulatedChannels.behave("sim-fast", SimulatedChannels.behaviour("\"rejectRate\": 1.0"));
        SimulatedChannels.behave("sim-cheap", SimulatedChannels.behaviour(0.0, null));
        long before = balance();

        String orderId = place(null);

        // when the channel left looks poor (below 70 % in the health window) the fallback rules wait 30 s first
        JsonPath order = finalOrder(orderId, Duration.ofSeconds(60));
        assertEquals("FAILED", order.getString("order.status"));
        assertEquals(2, order.getList("attempts").size());
        long price = order.getLong("order.price");
        CallbackOrders.eventually(Duration.ofSeconds(5), "balance back", () -> balance() == before);
        Long refunds = sql.queryLong("select count(*) from ledger_entry where order_id = ? and kind = 'REFUND' and amount = ?",
                orderId, price);
        assertEquals(1L, refunds, "exactly one refund of the price");
    }

    @Test
    void aLostCallbackIsResolvedByAStatusQuery() {
        SimulatedChannels.only("sim-fast");
        SimulatedChannels.behave("sim-fast", SimulatedChannels.behaviour("\"lostCallbackRate\": 1.0"));
        SimulatedChannels.timings("sim-fast", 3_000, 500);
        String orderId = place(null);
        JsonPath order = finalOrder(orderId, Duration.ofSeconds(20));
        assertEquals("SUCCEEDED", order.getString("order.status"));
        Long viaCallback = sql.queryLong("select count(*) from channel_callback where reference = ?", orderId + "-1");
        assertEquals(0L, viaCallback, "no callback ever arrived");
        assertTrue(order.getInt("attempts[0].queries") >= 1, "the channel was asked");
    }

    @Test
    void duplicateCallbacksMoveTheOrderOnce() {
        SimulatedChannels.only("sim-fast");
        SimulatedChannels.behave("sim-fast", SimulatedChannels.behaviour("\"duplicateCallbackRate\": 1.0"));
        String inbox = CallbackOrders.newInbox();
        String orderId = place(CallbackOrders.receiverUrl(app.getPort(), inbox));

        assertEquals("SUCCEEDED", finalOrder(orderId, Duration.ofSeconds(20)).getString("order.status"));
        CallbackOrders.eventually(Duration.ofSeconds(10), "both callbacks in", () -> sql.queryLong(
                "select count(*) from channel_callback where reference = ?", orderId + "-1") >= 2);
        List<String> outcomes = sql.query("select outcome from channel_callback where reference = ? order by id",
                row -> row.getString(1), orderId + "-1");
        assertEquals("APPLIED", outcomes.get(0));
        assertTrue(outcomes.subList(1, outcomes.size()).stream().allMatch("DUPLICATE"::equals), outcomes.toString());
        CallbackOrders.eventually(Duration.ofSeconds(10), "merchant callback", () -> !TestMerchantReceiver.received(inbox).isEmpty());
        assertEquals(1, TestMerchantReceiver.received(inbox).size(), "the merchant is told once");
        assertFalse(sql.queryLong("select count(*) from anomaly where order_id = ?", orderId) > 0);
    }

    @Test
    void aSubmitThatTimesOutIsQueriedAndSucceeds() {
        SimulatedChannels.only("sim-fast");
        SimulatedChannels.behave("sim-fast", SimulatedChannels.behaviour(
                "\"submitLatency\": {\"medianMs\": 800, \"p95Ms\": 900}, \"lostCallbackRate\": 1.0"));
        SimulatedChannels.timings("sim-fast", 200, 10_000);
        String orderId = place(null);
        JsonPath order = finalOrder(orderId, Duration.ofSeconds(20));
        assertEquals("SUCCEEDED", order.getString("order.status"));
        assertEquals(1, order.getList("attempts").size(), "no second channel while the first may have it");
        assertTrue(order.getInt("attempts[0].queries") >= 1, "the channel was asked what happened");
    }

    @Test
    void aLateCallbackAfterTheQueryAnsweredChangesNothing() {
        SimulatedChannels.only("sim-fast");
        SimulatedChannels.behave("sim-fast", SimulatedChannels.behaviour(
                "\"lateCallbackRate\": 1.0, \"lateCallbackDelayMs\": 2500"));
        SimulatedChannels.timings("sim-fast", 3_000, 300);
        String orderId = place(null);
        JsonPath order = finalOrder(orderId, Duration.ofSeconds(20));
        assertEquals("SUCCEEDED", order.getString("order.status"));
        String finishedAt = order.getString("order.finishedAt");
        CallbackOrders.eventually(Duration.ofSeconds(10), "the late callback", () -> sql.queryLong(
                "select count(*) from channel_callback where reference = ?", orderId + "-1") >= 1);
        assertEquals("DUPLICATE", sql.queryText("select outcome from channel_callback where reference = ?", orderId + "-1"));
        assertEquals(finishedAt, staffOrder(orderId).getString("order.finishedAt"), "the order moved once");
    }

    @Test
    void aSupplierThatChargesTwiceLeavesOneSuccessAndADuplicateChargeAnomaly() {
        SimulatedChannels.only("sim-fast");
        SimulatedChannels.behave("sim-fast", SimulatedChannels.behaviour("\"chargedTwiceRate\": 1.0"));
        String orderId = place(null);

        assertEquals("SUCCEEDED", finalOrder(orderId, Duration.ofSeconds(20)).getString("order.status"));
        CallbackOrders.eventually(Duration.ofSeconds(10), "duplicate charge recorded", () -> sql.queryLong(
                "select count(*) from anomaly where order_id = ? and kind = 'DUPLICATE_SUCCESS'", orderId) == 1);
        assertEquals("REVERSE_DUPLICATE_CHARGE", sql.queryText("select action from anomaly where order_id = ?", orderId));
        assertEquals("SUCCEEDED", staffOrder(orderId).getString("order.status"));
        assertEquals(1L, sql.queryLong("select count(*) from ledger_entry where order_id = ?", orderId),
                "the merchant paid once and got nothing back");
    }

    @Test
    void aSecondChargeReportedBeforeTheFirstIsADuplicateChargeAnomaly() {
        SimulatedChannels.only("sim-fast");
        // the first charge's callback comes a minute late, so the second charge's callback is the first report
        SimulatedChannels.behave("sim-fast", SimulatedChannels.behaviour(
                "\"chargedTwiceRate\": 1.0, \"lateCallbackRate\": 1.0, \"lateCallbackDelayMs\": 60000"));
        String orderId = place(null);

        assertEquals("SUCCEEDED", finalOrder(orderId, Duration.ofSeconds(20)).getString("order.status"));
        CallbackOrders.eventually(Duration.ofSeconds(10), "duplicate charge recorded", () -> sql.queryLong(
                "select count(*) from anomaly where order_id = ? and kind = 'DUPLICATE_SUCCESS'", orderId) == 1);
        assertEquals("REVERSE_DUPLICATE_CHARGE", sql.queryText("select action from anomaly where order_id = ?", orderId));
        String reported = sql.queryText("select channel_reference from channel_attempt where order_id = ?", orderId);
        String other = sql.queryText("select channel_reference from anomaly where order_id = ?", orderId);
        assertTrue(reported != null && other != null && !reported.equals(other),
                "the attempt has the reported success's reference (" + reported + "), the anomaly the other charge's ("
                        + other + ")");
        assertEquals(1L, sql.queryLong("select count(*) from ledger_entry where order_id = ?", orderId),
                "the merchant paid once and got nothing back");
    }

    @Test
    void aChannelWithoutDailyQuotaLeftGetsNoOrders() {
        SimulatedChannels.only("sim-fast", "sim-cheap");
        SimulatedChannels.behave("sim-fast", SimulatedChannels.behaviour(null));
        SimulatedChannels.behave("sim-cheap", SimulatedChannels.behaviour(null));
        channels.save("sim-fast", new ChannelUpdate(null, null, null, null, null, null, null, null, null, 999L, null, null,
                null), "test");
        try {
            for (int i = 0; i < 6; i++) {
                JsonPath order = finalOrder(place(null), Duration.ofSeconds(20));
                assertEquals("SUCCEEDED", order.getString("order.status"));
                assertEquals(List.of("sim-cheap"), order.getList("attempts.channel"), "10,000 fen does not fit a 999 fen quota");
            }
        } finally {
            sql.update("update channel set daily_quota = null where code = 'sim-fast'");
            directory.invalidate();
        }
    }

    @Test
    void aChannelAtCapacityTakesNoMoreUntilAnAttemptEndsAndTheOthersWaitForIt() throws Exception {
        SimulatedChannels.only("sim-fast");
        SimulatedChannels.behave("sim-fast", """
                {"successRate": {"CHINA_MOBILE": 1.0, "CHINA_UNICOM": 1.0, "CHINA_TELECOM": 1.0, "CHINA_BROADNET": 1.0},
                 "submitLatency": {"medianMs": 5, "p95Ms": 10},
                 "resultLatency": {"medianMs": 1200, "p95Ms": 1300},
                 "queryLatency": {"medianMs": 5, "p95Ms": 10}}""");
        int capacity = directory.find("sim-fast").orElseThrow().capacity();
        channels.save("sim-fast", new ChannelUpdate(null, null, null, null, null, null, null, null, 2, null, null, null,
                null), "test");
        ExecutorService concurrent = Executors.newFixedThreadPool(3);
        AtomicBoolean running = new AtomicBoolean(true);
        try {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                items.add(MerchantApi.orderJson(MerchantApi.uniqueOrderId("CAP"), MerchantApi.uniquePhone(), 1000));
            }
            List<String> orderIds = MerchantApi.demo().post("/api/v1/orders/batch", "{\"orders\":[" + String.join(",", items) + "]}")
                    .then().statusCode(200).extract().jsonPath().getList("results.order.orderId", String.class);
            assertEquals(8, orderIds.size());
            Future<Long> mostOpen = concurrent.submit(() -> {
                long most = 0;
                while (running.get()) {
                    most = Math.max(most, sql.queryLong("""
                            select count(*) from channel_attempt
                            where channel_code = 'sim-fast' and status in ('SUBMITTING', 'PROCESSING')"""));
                    Thread.sleep(5);
                }
                return most;
            });
            List<String> reversed = new ArrayList<>(orderIds);
            Collections.reverse(reversed);
            List<Future<?>> dispatches = List.of(concurrent.submit(() -> dispatcher.dispatchAll(orderIds)),
                    concurrent.submit(() -> dispatcher.dispatchAll(reversed)));
            for (Future<?> dispatch : dispatches) {
                dispatch.get(30, TimeUnit.SECONDS);
            }

            for (String orderId : orderIds) {
                JsonPath order = finalOrder(orderId, Duration.ofSeconds(40));
                assertEquals("SUCCEEDED", order.getString("order.status"), orderId + " waited for room, then succeeded");
                assertEquals(List.of("sim-fast"), order.getList("attempts.channel"), "one attempt, on the only channel");
            }
            running.set(false);
            assertEquals(2, mostOpen.get(10, TimeUnit.SECONDS),
                    "the channel was kept full, and never held more than its capacity of 2 open attempts");
        } finally {
            running.set(false);
            concurrent.shutdownNow();
            channels.save("sim-fast", new ChannelUpdate(null, null, null, null, null, null, null, null, capacity, null, null, null,
                    null), "test");
        }
    }
}
