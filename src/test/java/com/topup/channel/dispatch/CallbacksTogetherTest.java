package com.topup.channel.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.channel.adapter.ChannelStatus;
import com.topup.common.db.Sql;
import com.topup.merchant.MerchantAccountService;
import com.topup.repair.RepairScenarios;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Callbacks applied together: the plain successes in one transaction, each answered as it would be alone, and
 * everything else left for a transaction of its own.
 */
@QuarkusTest
class CallbacksTogetherTest {

    @Inject
    ChannelCallbackService callbacks;
    @Inject
    AttemptStore attempts;
    @Inject
    MerchantAccountService accounts;
    @Inject
    Sql sql;

    @Inject
    FinishedOrders finished;

    private UnchargedOrders orders;

    @BeforeEach
    void openTheMerchant() {
        orders = new UnchargedOrders(sql, accounts, "callbacks-together");
    }

    @AfterEach
    void removeTheUnchargedOrders() {
        orders.removeAll();
    }

    @Test
    void plainSuccessesApplyTogetherAndEverythingElseIsLeftOutOrAnsweredAsAlone() {
        String plain = processing("sim-fast", null);
        String secondPlain = processing("sim-fast", "REF-KNOWN");
        String wrongAmount = processing("sim-fast", null);
        String failed = processing("sim-fast", null);
        String otherChannels = processing("sim-cheap", null);
        String alreadySucceeded = processing("sim-fast", "REF-DONE");
        sql.update("update channel_attempt set status = 'SUCCEEDED', finished_at = now() where id = ?", alreadySucceeded);
        Instant at = Instant.now();

        List<ChannelCallbackService.Received> group = List.of(
                received(at, plain, ChannelStatus.SUCCEEDED, "REF-1", 1000L),
                received(at, secondPlain, ChannelStatus.SUCCEEDED, "REF-KNOWN", null),
                received(at, plain, ChannelStatus.SUCCEEDED, "REF-1", 1000L),
                received(at, wrongAmount, ChannelStatus.SUCCEEDED, "REF-3", 999L),
                received(at, failed, ChannelStatus.FAILED, null, null),
                received(at, otherChannels, ChannelStatus.SUCCEEDED, "REF-5", null),
                received(at, alreadySucceeded, ChannelStatus.SUCCEEDED, "REF-DONE", null),
                received(at, "T-NO-SUCH-ORDER-" + System.nanoTime() + "-1", ChannelStatus.SUCCEEDED, "REF-7", null));
        List<Optional<ReportResult>> results = callbacks.appliedTogether(group);

        assertEquals(List.of(Optional.of(ReportResult.APPLIED), Optional.of(ReportResult.APPLIED), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(ReportResult.UNKNOWN_ATTEMPT),
                Optional.of(ReportResult.DUPLICATE), Optional.of(ReportResult.UNKNOWN_ATTEMPT)), results);
        assertEquals("SUCCEEDED", orderStatus(plain));
        assertEquals("SUCCEEDED", orderStatus(secondPlain));
        assertEquals("SUCCEEDED|REF-1", attempt(plain));
        assertEquals("SUCCEEDED|REF-KNOWN", attempt(secondPlain));
        assertTrue(sql.queryLong("select latency_ms from channel_attempt where id = ?", plain) >= 0, "latency kept");
        for (String untouched : List.of(wrongAmount, failed, otherChannels)) {
            assertEquals("PROCESSING", orderStatus(untouched), "left out: " + untouched);
            assertEquals("PROCESSING|null", attempt(untouched), "left out: " + untouched);
        }
        assertEquals(1L, lines(plain, "APPLIED"), "one line for the applied report, none yet for its repeat");
        assertEquals(1L, lines(alreadySucceeded, "DUPLICATE"));
        assertEquals(1L, lines(otherChannels, "UNKNOWN_ATTEMPT"));
        assertEquals(0L, lines(wrongAmount, null), "a report left out is logged when it is applied");
        for (String attemptId : List.of(plain, secondPlain, wrongAmount, failed, otherChannels, alreadySucceeded)) {
            String orderId = AttemptIds.orderOf(attemptId).orElseThrow();
            assertEquals(attemptId.equals(plain) || attemptId.equals(secondPlain) ? 1 : 0,
                    finished.timesTold(orderId), "told finished once, or not at all: " + orderId);
        }
    }

    @Test
    void ordersThatSucceedTogetherStoreTheirMerchantCallbacksAndSettleTheirAnomaliesInTheSameTransaction() {
        String notified = processing("sim-fast", null);
        String quiet = processing("sim-fast", null);
        String notifiedOrder = AttemptIds.orderOf(notified).orElseThrow();
        String quietOrder = AttemptIds.orderOf(quiet).orElseThrow();
        sql.update("update topup_order set notify_url = 'http://127.0.0.1:1/results' where id = ?", notifiedOrder);
        for (String orderId : List.of(notifiedOrder, quietOrder)) {
            sql.update("""
                    insert into anomaly (kind, dedupe_key, order_id, created_at)
                    values ('STUCK_PROCESSING', 'STUCK_PROCESSING:' || ?, ?, now())""", orderId, orderId);
        }
        Instant at = Instant.now();

        // looked at inside the finishing transaction, then rolled back: no callback goes out to the merchant
        QuarkusTransaction.begin();
        try {
            assertEquals(List.of(Optional.of(ReportResult.APPLIED), Optional.of(ReportResult.APPLIED)),
                    callbacks.appliedTogether(List.of(received(at, notified, ChannelStatus.SUCCEEDED, "REF-N", null),
                            received(at, quiet, ChannelStatus.SUCCEEDED, "REF-Q", null))));
            assertEquals(List.of(notifiedOrder + "|PENDING|http://127.0.0.1:1/results"), sql.query("""
                            select order_id || '|' || status || '|' || url as line from merchant_notification
                            where order_id = any(?)""", row -> row.getString("line"),
                    (Object) new String[] {notifiedOrder, quietOrder}), "one callback, for the order that asked for one");
            for (String orderId : List.of(notifiedOrder, quietOrder)) {
                assertEquals("RESOLVED", sql.queryText("select status from anomaly where order_id = ?", orderId),
                        "the order finished: its stuck anomaly needs no person");
            }
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    @Test
    void attemptsAreLockedInTheOrderOfTheTallyRowsTheirFinishesAddTo() {
        String carrier = "TEST-" + System.nanoTime();
        List<String> ids = IntStream.range(0, 12)
                .mapToObj(i -> processing(i % 3 == 0 ? "sim-cheap" : "sim-fast", carrier, null)).toList();
        // different latencies, so the finishes fall into several latency classes
        for (int i = 0; i < ids.size(); i++) {
            sql.update("update channel_attempt set started_at = now() - make_interval(secs => ?) where id = ?",
                    0.05 * (i + 1) * (i + 1), ids.get(i));
        }
        Instant now = Instant.now();
        int[] stripe = new int[1];
        List<String> locked = QuarkusTransaction.requiringNew().call(() -> {
            stripe[0] = sql.queryLong("select pg_backend_pid() & 7").intValue();
            List<String> inOrder = attempts.lockAllToFinish(ids, now).stream().map(Attempt::id).toList();
            attempts.succeedAll(inOrder.stream().map(id -> new AttemptStore.Succeeded(id, "R-" + id)).toList(), now);
            return inOrder;
        });

        List<String> keys = sql.query("""
                select id, channel_code, carrier, channel_outcome_latency_class(latency_ms) as class
                from channel_attempt where id = any(?)""",
                row -> row.getString("id") + "|" + row.getString("channel_code") + "|" + row.getString("carrier") + "|"
                        + "%03d".formatted(row.getInt("class")),
                (Object) ids.toArray(String[]::new));
        List<String> keysAsLocked = locked.stream().map(id -> keys.stream().filter(k -> k.startsWith(id + "|"))
                .findFirst().orElseThrow().substring(id.length() + 1)).toList();
        assertEquals(keysAsLocked.stream().sorted().toList(), keysAsLocked,
                "locked in the order of the tally rows the trigger wrote (channel, carrier, latency class)");
        assertTrue(keysAsLocked.stream().distinct().count() > 3, "several tally rows: " + keysAsLocked);
        assertEquals(List.of(stripe[0]), sql.query("select distinct stripe from channel_outcome_tally where carrier = ?",
                row -> row.getInt("stripe"), carrier), "one stripe, the connection's");
        assertEquals((long) ids.size(), sql.queryLong("select sum(finished) from channel_outcome_tally where carrier = ?", carrier));
    }

    @Test
    void callbacksPostedAtOnceEachFinishTheirOrderOnceAndAreLoggedOnce() throws Exception {
        List<String> ids = IntStream.range(0, 24).mapToObj(i -> processing("sim-fast", null)).toList();
        ExecutorService senders = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (String id : ids) {
                // every one twice: the repeat is acknowledged and changes nothing
                for (int copy = 0; copy < 2; copy++) {
                    sent.add(senders.submit(() -> RepairScenarios.channelCallback(id, "SUCCEEDED", "CH-" + id, 1000)
                            .statusCode()));
                }
            }
            for (Future<Integer> status : sent) {
                assertEquals(200, status.get(60, TimeUnit.SECONDS));
            }
        } finally {
            senders.shutdownNow();
        }
        for (String id : ids) {
            assertEquals("SUCCEEDED", orderStatus(id));
            assertEquals("SUCCEEDED|CH-" + id, attempt(id));
            assertEquals(1L, lines(id, "APPLIED"));
            assertEquals(1L, lines(id, "DUPLICATE"));
        }
    }

    /** An order PROCESSING with one open attempt on the channel (never charged: removed after the test). */
    private String processing(String channel, String channelReference) {
        return processing(channel, "CHINA_MOBILE", channelReference);
    }

    private String processing(String channel, String carrier, String channelReference) {
        String orderId = orders.processing("TCT", channel);
        String attemptId = AttemptIds.of(orderId, 1);
        sql.update("""
                insert into channel_attempt (id, order_id, attempt_no, channel_code, carrier, face_value, status,
                                             channel_reference, cost, started_at)
                values (?, ?, 1, ?, ?, 1000, 'PROCESSING', ?, 970, now())""",
                attemptId, orderId, channel, carrier, channelReference);
        return attemptId;
    }

    private static ChannelCallbackService.Received received(Instant at, String attemptId, ChannelStatus status,
                                                            String channelReference, Long amount) {
        return new ChannelCallbackService.Received(at, new AttemptReport(attemptId, "sim-fast", status, channelReference,
                amount, null, null, ReportSource.CALLBACK));
    }

    private String orderStatus(String attemptId) {
        return sql.queryText("select o.status from topup_order o join channel_attempt a on a.order_id = o.id where a.id = ?",
                attemptId);
    }

    private String attempt(String attemptId) {
        return sql.queryText("select status || '|' || coalesce(channel_reference, 'null') from channel_attempt where id = ?",
                attemptId);
    }

    private long lines(String reference, String outcome) {
        return sql.queryLong("""
                select count(*) from channel_callback where reference = ? and (?::text is null or outcome = ?)""",
                reference, outcome, outcome);
    }
}
