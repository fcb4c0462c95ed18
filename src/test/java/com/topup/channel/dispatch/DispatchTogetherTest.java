package com.topup.channel.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.common.db.Sql;
import com.topup.merchant.LedgerService;
import com.topup.notify.CallbackOrders;
import com.topup.support.MerchantApi;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A poll's orders are planned (locked, checked for repeats), submitted and recorded together; the daily usage of a channel without a quota is
 * written at the commit.
 */
@QuarkusTest
class DispatchTogetherTest {

    /** A day no other test dispatches on, so the tally rows are this test's alone. */
    private static final Instant FAR_DAY = Instant.parse("2099-03-01T08:00:00Z");

    @Inject
    Dispatcher dispatcher;
    @Inject
    AttemptStore attempts;
    @Inject
    LedgerService ledger;
    @Inject
    Sql sql;
    @Inject
    OpenAttempts open;
    @Inject
    MeterRegistry metrics;

    @Test
    void ordersDispatchedTogetherTwiceAtOnceBesidesTheConsumerEachFinishWithOneSuccessAndTheirMoneyMovedOnce() throws Exception {
        List<String> orderIds = placeOrders(30, "TG");

        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> reads = new ArrayList<>();
            reads.add(readers.submit(() -> dispatcher.dispatchAll(orderIds)));
            List<String> reversed = new ArrayList<>(orderIds);
            Collections.reverse(reversed);
            reads.add(readers.submit(() -> dispatcher.dispatchAll(reversed)));
            for (Future<?> read : reads) {
                read.get(60, TimeUnit.SECONDS);
            }
        } finally {
            readers.shutdownNow();
        }

        CallbackOrders.eventually(Duration.ofSeconds(60), "all 30 orders final", () -> sql.queryOne("""
                select count(*) as open from topup_order where id = any(?) and status not in ('SUCCEEDED', 'FAILED', 'REVIEW')""",
                row -> row.getLong("open"), (Object) orderIds.toArray(String[]::new)).orElseThrow() == 0);
        assertTriedOneAtATimeAndSucceededAtMostOnce(orderIds);
        long demo = sql.queryOne("select merchant_id from topup_order where id = ?", row -> row.getLong("merchant_id"),
                orderIds.get(0)).orElseThrow();
        assertTrue(ledger.reconcile(demo).balanced(), "every debit and refund once");
    }

    @Test
    void pollsThatArriveWhilePlanningIsBusyWaitInTheInstanceAndArePlannedTogetherEachOrderOnce() throws Exception {
        List<String> channels = sql.query("select code from channel", row -> row.getString("code"));
        DistributionSummary groupSizes = metrics.summary("topup_dispatch_planning_group_size");
        double plannedInGroups;
        List<String> orderIds;
        List<Future<?>> reads = new ArrayList<>();
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            try (ChannelLockHolder held = ChannelLockHolder.ofAll(open, channels)) {
                // the consumer's reads of these orders, and the test's four, find every channel locked
                orderIds = placeOrders(20, "TG-WAIT");
                List<List<String>> polls = List.of(orderIds.subList(0, 5), orderIds.subList(5, 10),
                        orderIds.subList(10, 15), orderIds.subList(15, 20));
                polls.subList(0, 2).forEach(poll -> reads.add(readers.submit(() -> dispatcher.dispatchAll(poll))));
                CallbackOrders.eventually(Duration.ofSeconds(20), "both planning slots wait for a lock",
                        () -> planningTransactionsWaiting() == 2);
                polls.subList(2, 4).forEach(poll -> reads.add(readers.submit(() -> dispatcher.dispatchAll(poll))));
                CallbackOrders.eventually(Duration.ofSeconds(20), "the later reads wait in the instance",
                        () -> metrics.get("topup_dispatch_orders_waiting_to_plan").gauge().value() >= 10);
                assertEquals(2, planningTransactionsWaiting(),
                        "no third planning transaction while the two slots are busy");
                plannedInGroups = groupSizes.totalAmount();
            }
            for (Future<?> read : reads) {
                read.get(60, TimeUnit.SECONDS);
            }
        } finally {
            readers.shutdownNow();
        }
        assertTrue(groupSizes.totalAmount() - plannedInGroups >= 10,
                "the reads that waited were planned together, not one transaction each");
        CallbackOrders.eventually(Duration.ofSeconds(60), "all 20 orders final", () -> sql.queryOne("""
                select count(*) as open from topup_order where id = any(?) and status not in ('SUCCEEDED', 'FAILED', 'REVIEW')""",
                row -> row.getLong("open"), (Object) orderIds.toArray(String[]::new)).orElseThrow() == 0);
        assertEquals(20L, sql.queryLong("select count(*) from channel_attempt where order_id = any(?) and attempt_no = 1",
                (Object) orderIds.toArray(String[]::new)), "every order planned");
        assertTriedOneAtATimeAndSucceededAtMostOnce(orderIds);
    }

    @Test
    void aPollHoldsBackTheSecondOfTwoEqualOrdersInOneBatchAndDispatchesTheOthers() {
        String phone = MerchantApi.uniquePhone();
        List<String> items = List.of(
                MerchantApi.orderJson(MerchantApi.uniqueOrderId("TG-SAME"), phone, 2_000),
                MerchantApi.orderJson(MerchantApi.uniqueOrderId("TG-SAME"), phone, 2_000),
                MerchantApi.orderJson(MerchantApi.uniqueOrderId("TG-OTHER"), MerchantApi.uniquePhone(), 2_000));
        List<String> orderIds = MerchantApi.demo().post("/api/v1/orders/batch", "{\"orders\":[" + String.join(",", items) + "]}")
                .then().statusCode(200).extract().jsonPath().getList("results.order.orderId", String.class);
        assertEquals(3, orderIds.size());
        dispatcher.dispatchAll(orderIds);

        CallbackOrders.eventually(Duration.ofSeconds(60), "all 3 orders final or held", () -> sql.queryOne("""
                select count(*) as open from topup_order where id = any(?) and status not in ('SUCCEEDED', 'FAILED', 'REVIEW')""",
                row -> row.getLong("open"), (Object) orderIds.toArray(String[]::new)).orElseThrow() == 0);
        List<String> held = sql.query("select id from topup_order where id = any(?) and status = 'REVIEW'",
                row -> row.getString("id"), (Object) orderIds.subList(0, 2).toArray(String[]::new));
        assertEquals(1, held.size(), "one of the two equal orders is held, the other goes: " + held);
        String first = orderIds.subList(0, 2).stream().filter(id -> !held.contains(id)).findFirst().orElseThrow();
        assertEquals("SUCCEEDED", status(first));
        assertEquals("SUCCEEDED", status(orderIds.get(2)), "the other order of the poll is dispatched");
        assertEquals(first, sql.queryOne("""
                select details->>'previousOrder' as previous from anomaly where order_id = ? and kind = 'DUPLICATE_SUBMISSION'""",
                row -> row.getString("previous"), held.get(0)).orElseThrow(), "held as a repeat of the one that went");
        assertEquals(0L, sql.queryOne("select count(*) as tried from channel_attempt where order_id = ?",
                row -> row.getLong("tried"), held.get(0)).orElseThrow(), "held before any channel was asked");
    }

    @Test
    void aQuotaFreeTallyIsWrittenAtTheCommitWithWhatTheTransactionAddedAndTookBack() {
        String order = "T-TALLY-" + System.nanoTime();
        int stripe = AttemptStore.stripeOf(order);

        QuarkusTransaction.requiringNew().run(() -> {
            attempts.reserveQuota("sim-fast", null, order, 1_000, FAR_DAY);
            attempts.reserveQuota("sim-fast", null, order, 2_000, FAR_DAY);
            assertEquals(-1, usage(stripe), "nothing written before the commit");
        });
        assertEquals(3_000, usage(stripe));

        QuarkusTransaction.requiringNew().run(() -> {
            attempts.reserveQuota("sim-fast", null, order, 5_000, FAR_DAY);
            attempts.releaseQuota("sim-fast", null, order, FAR_DAY, 5_000);
        });
        assertEquals(3_000, usage(stripe), "a reservation taken back in its own transaction changes nothing");

        assertThrows(QuarkusTransactionException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            attempts.reserveQuota("sim-fast", null, order, 7_000, FAR_DAY);
            QuarkusTransaction.setRollbackOnly();
        }));
        assertEquals(3_000, usage(stripe), "a rolled-back reservation writes nothing");

        QuarkusTransaction.requiringNew().run(() -> attempts.releaseQuota("sim-fast", null, order, FAR_DAY, 10_000));
        assertEquals(0, usage(stripe), "never below zero");
    }

    private void assertTriedOneAtATimeAndSucceededAtMostOnce(List<String> orderIds) {
        for (String orderId : orderIds) {
            List<Attempt> tried = QuarkusTransaction.requiringNew().call(() -> attempts.ofOrder(orderId));
            assertTrue(tried.stream().filter(a -> a.status() == AttemptStatus.SUCCEEDED).count() <= 1,
                    "at most one success for " + orderId + ": " + tried);
        }
        assertEquals(0L, sql.queryOne("""
                select count(*) as overlapping from channel_attempt a join channel_attempt b
                    on b.order_id = a.order_id and b.attempt_no > a.attempt_no
                where a.order_id = any(?) and (a.finished_at is null or b.started_at < a.finished_at)""",
                row -> row.getLong("overlapping"), (Object) orderIds.toArray(String[]::new)).orElseThrow(),
                "no order had two attempts open at once");
    }

    private static List<String> placeOrders(int count, String prefix) {
        List<String> items = IntStream.range(0, count).mapToObj(i -> MerchantApi.orderJson(MerchantApi.uniqueOrderId(prefix),
                MerchantApi.uniquePhone(), 1000)).toList();
        List<String> orderIds = MerchantApi.demo().post("/api/v1/orders/batch", "{\"orders\":[" + String.join(",", items) + "]}")
                .then().statusCode(200).extract().jsonPath().getList("results.order.orderId", String.class);
        assertEquals(count, orderIds.size());
        return orderIds;
    }

    /**
     * Transactions waiting for a lock: here, planning ones, for the channels' locks or for orders the other planning
     * transaction has locked (the consumer's reads and the test's carry the same orders).
     */
    private long planningTransactionsWaiting() {
        return sql.queryLong("select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
    }

    private String status(String orderId) {
        return sql.queryOne("select status from topup_order where id = ?", row -> row.getString("status"), orderId)
                .orElseThrow();
    }

    /** The tally row's amount, -1 when there is no row. */
    private long usage(int stripe) {
        return sql.queryOne("select amount from channel_daily_usage where channel_code = 'sim-fast' and day = date '2099-03-01' and stripe = ?",
                row -> row.getLong("amount"), stripe).orElse(-1L);
    }
}
