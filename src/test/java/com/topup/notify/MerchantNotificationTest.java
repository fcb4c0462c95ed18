package com.topup.notify;

import static com.topup.notify.CallbackOrders.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.common.db.Sql;
import com.topup.devenv.FreePorts;
import com.topup.notify.NotificationStore.Attempted;
import com.topup.notify.TestMerchantReceiver.Received;
import com.topup.support.MerchantApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Callbacks end to end: stored with the finishing transaction, sent over real HTTP to a test receiver, signed,
 * retried on the (fast, test-profile) schedule, logged, and given up at the deadline.
 */
@QuarkusTest
class MerchantNotificationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL app;

    @Inject
    NotificationService notifications;

    @Inject
    NotificationStore store;

    @Inject
    Sql sql;

    @Inject
    NotifyConfig config;

    @Test
    void finishedOrderIsCalledBackSignedWithTheOrderBody() throws Exception {
        String inbox = CallbackOrders.newInbox();
        String orderId = CallbackOrders.place(CallbackOrders.receiverUrl(app.getPort(), inbox));
        String eventId = CallbackOrders.finish(orderId, "SUCCEEDED", null).orElseThrow();

        eventually(WAIT, "callback received", () -> !TestMerchantReceiver.received(inbox).isEmpty());
        Received callback = TestMerchantReceiver.received(inbox).get(0);
        assertEquals("application/json", callback.contentType());
        assertEquals(eventId, callback.eventId());
        long timestamp = Long.parseLong(callback.timestamp());
        assertTrue(Math.abs(System.currentTimeMillis() - timestamp) < 60_000, "X-Timestamp is epoch milliseconds");
        assertEquals(expectedSignature(callback.timestamp(), callback.body()), callback.signature());

        JsonNode body = JSON.readTree(callback.body());
        assertEquals(eventId, body.get("eventId").asText());
        assertEquals(orderId, body.get("orderId").asText());
        assertEquals("SUCCEEDED", body.get("status").asText());
        assertTrue(body.get("phone").asText().matches("138\\*{4}\\d{4}"), body.get("phone").asText());
        assertEquals("CHINA_MOBILE", body.get("carrier").asText());
        assertEquals("CN", body.get("country").asText());
        assertEquals(10000, body.get("faceValue").asLong());
        assertEquals(9850, body.get("price").asLong());
        assertTrue(body.get("merchantOrderId").asText().startsWith("CB-"));
        assertTrue(body.get("failureCode").isNull());
        Instant.parse(body.get("finishedAt").asText());
        Instant.parse(body.get("createdAt").asText());
        assertEquals(Set.of("orderId", "merchantOrderId", "phone", "carrier", "province", "country", "faceValue",
                "price", "status", "createdAt", "updatedAt", "finishedAt", "failureCode", "eventId"), fieldNames(body));

        eventually(WAIT, "marked delivered", () -> status(orderId, eventId).equals("DELIVERED"));
        NotificationView delivered = view(orderId, eventId);
        assertEquals(1, delivered.attempts());
        assertEquals(200, delivered.attemptLog().get(0).httpStatus());
        assertNull(delivered.attemptLog().get(0).error());
        assertNotNull(delivered.finishedAt());
        assertEquals(callback.body(), delivered.body());
    }

    @Test
    void failedOrderIsRetriedUntilTheMerchantAcceptsAndEveryAttemptIsLogged() throws Exception {
        String inbox = CallbackOrders.newInbox();
        TestMerchantReceiver.failNext(inbox, 2);
        String orderId = CallbackOrders.place(CallbackOrders.receiverUrl(app.getPort(), inbox));
        String eventId = CallbackOrders.finish(orderId, "FAILED", "CHANNEL_REJECTED").orElseThrow();

        eventually(WAIT, "delivered on the third attempt", () -> status(orderId, eventId).equals("DELIVERED"));
        List<Received> received = TestMerchantReceiver.received(inbox);
        assertEquals(3, received.size());
        for (Received r : received) {
            assertEquals(eventId, r.eventId());
            assertEquals(received.get(0).body(), r.body(), "every attempt sends the same body");
            assertEquals(expectedSignature(r.timestamp(), r.body()), r.signature());
        }
        JsonNode body = JSON.readTree(received.get(0).body());
        assertEquals("FAILED", body.get("status").asText());
        assertEquals("CHANNEL_REJECTED", body.get("failureCode").asText());

        NotificationView view = view(orderId, eventId);
        assertEquals(List.of(1, 2, 3), view.attemptLog().stream().map(NotificationView.AttemptView::attemptNo).toList());
        assertEquals(List.of(500, 500, 200), view.attemptLog().stream().map(NotificationView.AttemptView::httpStatus).toList());
        assertEquals("HTTP 500", view.attemptLog().get(0).error());
        Instant first = view.attemptLog().get(0).at();
        Instant second = view.attemptLog().get(1).at();
        assertTrue(Duration.between(first, second).toMillis() >= 200, "waits the first retry interval");
    }

    @Test
    void unreachableMerchantIsMarkedUndeliveredAtTheDeadline() {
        String unreachable = "http://127.0.0.1:" + FreePorts.next() + "/callback";
        String orderId = CallbackOrders.place(unreachable);
        String eventId = CallbackOrders.finish(orderId, "SUCCEEDED", null).orElseThrow();

        eventually(WAIT, "undelivered after the 3 s test deadline", () -> status(orderId, eventId).equals("UNDELIVERED"));
        NotificationView view = view(orderId, eventId);
        assertTrue(view.attempts() >= 4, "retried until the deadline: " + view.attempts());
        assertEquals(view.attempts(), view.attemptLog().size());
        for (NotificationView.AttemptView attempt : view.attemptLog()) {
            assertNull(attempt.httpStatus());
            assertFalse(attempt.error().isBlank());
        }
        assertNull(view.nextAttemptAt());
        assertTrue(notifications.withStatus(NotificationStatus.UNDELIVERED, 500).stream()
                .anyMatch(n -> n.eventId().equals(eventId)));
    }

    @Test
    void orderWithoutNotifyUrlStoresNothing() {
        String orderId = CallbackOrders.place(null);
        assertTrue(CallbackOrders.finish(orderId, "SUCCEEDED", null).isEmpty());
        assertTrue(notifications.forOrder(orderId).isEmpty());
    }

    @Test
    void mustBeCalledInsideTheFinishingTransaction() {
        String orderId = CallbackOrders.place(null);
        assertThrows(TransactionalException.class, () -> notifications.orderFinished(orderId));
    }

    @Test
    void orderThatIsNotFinalIsRefused() {
        String orderId = CallbackOrders.place("http://127.0.0.1:1/never");
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> notifications.orderFinished(orderId)));
        Throwable cause = refused;
        while (!(cause instanceof IllegalStateException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof IllegalStateException, "refused with " + refused);
        assertTrue(notifications.forOrder(orderId).isEmpty());
    }

    @Test
    void aCallbackStoredBeforeARestartIsSentByThePoll() {
        String inbox = CallbackOrders.newInbox();
        String orderId = CallbackOrders.place(CallbackOrders.receiverUrl(app.getPort(), inbox));
        sql.update("update topup_order set status = 'SUCCEEDED', finished_at = now() where id = ?", orderId);
        // As left by an instance that stopped while sending attempt 1: claimed, lease lapsed, nothing logged.
        QuarkusTransaction.requiringNew().run(() -> sql.update("""
                insert into merchant_notification (event_id, order_id, merchant_id, url, body, status, attempts,
                    created_at, first_attempt_at, last_attempt_at, next_attempt_at)
                select 'E-RESTART-' || id, id, merchant_id, ?, '{"orderId":"' || id || '"}', 'PENDING', 1,
                    now() - interval '1 minute', now() - interval '1 minute', now() - interval '1 minute', now() - interval '1 second'
                from topup_order where id = ?""", CallbackOrders.receiverUrl(app.getPort(), inbox), orderId));

        eventually(WAIT, "sent after the lapsed claim", () -> status(orderId, "E-RESTART-" + orderId).equals("DELIVERED"));
        NotificationView view = view(orderId, "E-RESTART-" + orderId);
        assertEquals(2, view.attempts());
        assertEquals(List.of(2), view.attemptLog().stream().map(NotificationView.AttemptView::attemptNo).toList());
        assertEquals("E-RESTART-" + orderId, TestMerchantReceiver.received(inbox).get(0).eventId());
    }

    @Test
    void anAttemptWhoseClaimAnotherTookOverIsLoggedAndChangesNothing() {
        String orderId = CallbackOrders.place("http://127.0.0.1:1/never");
        sql.update("update topup_order set status = 'SUCCEEDED', finished_at = now() where id = ?", orderId);
        String eventId = "E-TAKEN-" + orderId;
        // attempt 2 holds the claim now (due again only after its lease), so the worker leaves it alone
        QuarkusTransaction.requiringNew().run(() -> sql.update("""
                insert into merchant_notification (event_id, order_id, merchant_id, url, body, status, attempts,
                    created_at, first_attempt_at, last_attempt_at, next_attempt_at)
                select ?, id, merchant_id, notify_url, '{}', 'PENDING', 2, now(), now(), now(), now() + interval '1 hour'
                from topup_order where id = ?""", eventId, orderId));
        long id = sql.queryLong("select id from merchant_notification where event_id = ?", eventId);
        RetrySchedule schedule = RetrySchedule.of(config);
        Instant firstAttempt = Instant.now();

        ClaimedNotification lapsed = new ClaimedNotification(id, eventId, "http://127.0.0.1:1/never", "{}", 1, "m", firstAttempt);
        assertEquals(DeliveryResult.SUPERSEDED, store.record(lapsed, AttemptOutcome.answered(Instant.now(), 200, 15), schedule));
        NotificationView taken = view(orderId, eventId);
        assertEquals("PENDING", taken.status(), "the claim's holder decides");
        assertNull(taken.lastHttpStatus());
        assertEquals(List.of(1), taken.attemptLog().stream().map(NotificationView.AttemptView::attemptNo).toList(),
                "the lapsed attempt is logged all the same");

        ClaimedNotification holder = new ClaimedNotification(id, eventId, "http://127.0.0.1:1/never", "{}", 2, "m", firstAttempt);
        assertEquals(DeliveryResult.DELIVERED, store.record(holder, AttemptOutcome.answered(Instant.now(), 204, 12), schedule));
        NotificationView delivered = view(orderId, eventId);
        assertEquals("DELIVERED", delivered.status());
        assertEquals(204, delivered.lastHttpStatus());
        assertNull(delivered.nextAttemptAt());
        assertNotNull(delivered.finishedAt());
        assertEquals(List.of(1, 2), delivered.attemptLog().stream().map(NotificationView.AttemptView::attemptNo).toList());
    }

    @Test
    void outcomesRecordedTogetherEachMoveOnlyTheirOwnCallback() {
        String orderId = CallbackOrders.place("http://127.0.0.1:1/never");
        sql.update("update topup_order set status = 'SUCCEEDED', finished_at = now() where id = ?", orderId);
        List<String> eventIds = Stream.of("DELIVERED", "RETRY", "LAPSED").map(kind -> "E-GROUP-" + kind + "-" + orderId)
                .toList();
        // attempt 2 holds each claim (due again only after its lease, so the worker leaves them alone)
        eventIds.forEach(eventId -> QuarkusTransaction.requiringNew().run(() -> sql.update("""
                insert into merchant_notification (event_id, order_id, merchant_id, url, body, status, attempts,
                    created_at, first_attempt_at, last_attempt_at, next_attempt_at)
                select ?, id, merchant_id, notify_url, '{}', 'PENDING', 2, now(), now(), now(), now() + interval '1 hour'
                from topup_order where id = ?""", eventId, orderId)));
        Instant firstAttempt = Instant.now();
        List<ClaimedNotification> claims = List.of(claimed(eventIds.get(0), 2, firstAttempt),
                claimed(eventIds.get(1), 2, firstAttempt), claimed(eventIds.get(2), 1, firstAttempt));

        List<DeliveryResult> results = store.recordAll(List.of(
                new Attempted(claims.get(0), AttemptOutcome.answered(Instant.now(), 200, 10)),
                new Attempted(claims.get(1), AttemptOutcome.answered(Instant.now(), 503, 11)),
                new Attempted(claims.get(2), AttemptOutcome.answered(Instant.now(), 200, 12))), RetrySchedule.of(config));

        assertEquals(List.of(DeliveryResult.DELIVERED, DeliveryResult.RETRY, DeliveryResult.SUPERSEDED), results);
        NotificationView delivered = view(orderId, eventIds.get(0));
        assertEquals("DELIVERED", delivered.status());
        assertEquals(200, delivered.lastHttpStatus());
        assertEquals(List.of(2), attemptNumbers(delivered));
        NotificationView retried = view(orderId, eventIds.get(1));
        assertTrue(retried.attemptLog().get(0).attemptNo() == 2 && retried.attemptLog().get(0).httpStatus() == 503,
                "attempt 2 logged with its answer: " + retried.attemptLog());
        assertTrue(Set.of("PENDING", "UNDELIVERED").contains(retried.status()), "not delivered: " + retried.status());
        NotificationView lapsed = view(orderId, eventIds.get(2));
        assertEquals("PENDING", lapsed.status(), "the claim's holder decides");
        assertNull(lapsed.lastHttpStatus());
        assertEquals(List.of(1), attemptNumbers(lapsed), "the lapsed attempt is logged all the same");
    }

    private ClaimedNotification claimed(String eventId, int attemptNo, Instant firstAttempt) {
        long id = sql.queryLong("select id from merchant_notification where event_id = ?", eventId);
        return new ClaimedNotification(id, eventId, "http://127.0.0.1:1/never", "{}", attemptNo, "m", firstAttempt);
    }

    private static List<Integer> attemptNumbers(NotificationView view) {
        return view.attemptLog().stream().map(NotificationView.AttemptView::attemptNo).toList();
    }

    @Test
    void concurrentClaimsNeverTakeTheSameCallback() throws Exception {
        String inbox = CallbackOrders.newInbox();
        String orderId = CallbackOrders.place(CallbackOrders.receiverUrl(app.getPort(), inbox));
        CallbackOrders.finish(orderId, "SUCCEEDED", null);
        // Extra due callbacks, due in the past so they sort before anything the worker is about to claim.
        QuarkusTransaction.requiringNew().run(() -> sql.update("""
                insert into merchant_notification (event_id, order_id, merchant_id, url, body, status, created_at, next_attempt_at)
                select 'E-CLAIM-' || g || '-' || o.id, o.id, o.merchant_id, o.notify_url, '{}', 'PENDING', now(), now() - interval '1 hour'
                from topup_order o, generate_series(1, 200) g where o.id = ?""", orderId));

        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> store.claimDue(50, Instant.now(), Duration.ofSeconds(30)));
            var b = pool.submit(() -> store.claimDue(50, Instant.now(), Duration.ofSeconds(30)));
            Set<Long> first = a.get().stream().map(ClaimedNotification::id).collect(Collectors.toSet());
            Set<Long> second = b.get().stream().map(ClaimedNotification::id).collect(Collectors.toSet());
            assertFalse(first.isEmpty() && second.isEmpty());
            assertTrue(first.stream().noneMatch(second::contains), "claimed twice: " + first + " and " + second);
        } finally {
            pool.shutdown();
        }
    }

    private String status(String orderId, String eventId) {
        return view(orderId, eventId).status();
    }

    private NotificationView view(String orderId, String eventId) {
        return notifications.forOrder(orderId).stream().filter(n -> n.eventId().equals(eventId)).findFirst().orElseThrow();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String expectedSignature(String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(MerchantApi.DEMO_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((timestamp + "\n" + body).getBytes(StandardCharsets.UTF_8)));
    }
}
