package com.topup.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.merchant.LedgerService;
import com.topup.merchant.MerchantAccountService;
import com.topup.support.MerchantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The batch API stores a batch's valid orders together when it can, and answers item by item exactly as one by one.
 * Balances are read from the debit rows: the test app dispatches these orders, and a failed one is refunded.
 */
@QuarkusTest
class OrderBatchTest {

    private static final String BATCH = "/api/v1/orders/batch";

    @Inject
    MerchantAccountService accounts;
    @Inject
    LedgerService ledger;
    @Inject
    EntityManager em;

    @Test
    void validItemsAreChargedInItemOrderWithOneLedgerRowEach() {
        Account account = open(1_000_000);
        JsonPath answer = post(account, List.of(
                MerchantApi.orderJson("A1", "13800138000", 1000),
                MerchantApi.orderJson("A2", "12345", 1000),
                MerchantApi.orderJson("A3", "13800138001", 2000),
                MerchantApi.orderJson("A4", "13800138002", 5000)));

        assertEquals(List.of(201, 422, 201, 201), answer.getList("results.status"));
        assertEquals(List.of(1_000_000L - 985, 1_000_000L - 985 - 1_970, 1_000_000L - 985 - 1_970 - 4_925),
                debitsAfter(account));
        assertEquals(List.of("A1", "A3", "A4"), ordersOf(account));
        assertTrue(ledger.reconcile(account.id()).balanced());
    }

    @Test
    void aBalanceCoveringPartOfTheBatchTakesTheItemsThatFitInOrder() {
        Account account = open(2 * 985 + 100);
        JsonPath answer = post(account, List.of(
                MerchantApi.orderJson("P1", "13800138000", 1000),
                MerchantApi.orderJson("P2", "13800138001", 1000),
                MerchantApi.orderJson("P3", "13800138002", 1000),
                MerchantApi.orderJson("P4", "13800138003", 2000)));

        assertEquals(List.of(201, 201, 402, 402), answer.getList("results.status"));
        assertEquals("INSUFFICIENT_BALANCE", answer.getString("results[2].error.code"));
        assertEquals(List.of("P1", "P2"), ordersOf(account));
        assertEquals(List.of(1_085L, 100L), debitsAfter(account));
        assertTrue(ledger.reconcile(account.id()).balanced());
    }

    @Test
    void aRepeatedBatchAnswersTheSameOrdersAndChargesNothingMore() {
        Account account = open(1_000_000);
        List<String> items = List.of(MerchantApi.orderJson("R1", "13800138000", 1000),
                MerchantApi.orderJson("R2", "13800138001", 1000));
        JsonPath first = post(account, items);
        JsonPath again = post(account, items);

        assertEquals(List.of(201, 201), first.getList("results.status"));
        assertEquals(List.of(200, 200), again.getList("results.status"));
        assertEquals(first.getList("results.order.orderId"), again.getList("results.order.orderId"));
        assertEquals(List.of(1_000_000L - 985, 1_000_000L - 2 * 985), debitsAfter(account));
    }

    @Test
    void earlierAndRepeatedMerchantOrderIdsAreAnsweredOneByOne() {
        Account account = open(1_000_000);
        JsonPath earlier = post(account, List.of(MerchantApi.orderJson("E1", "13800138000", 1000)));
        JsonPath answer = post(account, List.of(
                MerchantApi.orderJson("E1", "13800138000", 1000),
                MerchantApi.orderJson("E2", "13800138001", 1000),
                MerchantApi.orderJson("E2", "13800138001", 2000)));

        assertEquals(List.of(200, 201, 409), answer.getList("results.status"));
        assertEquals(earlier.getString("results[0].order.orderId"), answer.getString("results[0].order.orderId"));
        assertEquals("DUPLICATE_MERCHANT_ORDER_ID", answer.getString("results[2].error.code"));
        assertEquals(List.of("E1", "E2"), ordersOf(account));
        assertEquals(List.of(1_000_000L - 985, 1_000_000L - 2 * 985), debitsAfter(account));
        assertTrue(ledger.reconcile(account.id()).balanced());
    }

    @Test
    void overlappingBatchesSentAtOnceMakeEachOrderOnceWithOneDebit() throws Exception {
        Account account = open(10_000_000);
        List<String> items = IntStream.range(0, 20)
                .mapToObj(i -> MerchantApi.orderJson("O" + i, MerchantApi.uniquePhone(), 1000)).toList();
        List<String> reversed = new ArrayList<>(items);
        Collections.reverse(reversed);
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            Future<JsonPath> forward = senders.submit(() -> post(account, items));
            Future<JsonPath> backward = senders.submit(() -> post(account, reversed));
            List<Integer> statuses = new ArrayList<>(forward.get(30, TimeUnit.SECONDS).getList("results.status"));
            statuses.addAll(backward.get(30, TimeUnit.SECONDS).getList("results.status"));

            assertEquals(20, statuses.stream().filter(status -> status == 201).count());
            assertEquals(20, statuses.stream().filter(status -> status == 200).count());
        } finally {
            senders.shutdownNow();
        }
        assertEquals(20, ordersOf(account).size());
        assertEquals(20, debitsAfter(account).size());
        assertTrue(ledger.reconcile(account.id()).balanced());
    }

    private record Account(long id, MerchantApi api) {
    }

    private Account open(long openingBalance) {
        String code = "batch-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.open(code, "Batch", code + "-secret", 9_850, openingBalance);
        return new Account(accounts.idOf(code), new MerchantApi(code, code + "-secret"));
    }

    private static JsonPath post(Account account, List<String> items) {
        return account.api().post(BATCH, "{\"orders\":[" + String.join(",", items) + "]}")
                .then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private List<Long> debitsAfter(Account account) {
        return ((List<Number>) em.createNativeQuery("""
                        select balance_after from ledger_entry where kind = 'DEBIT' and merchant_id = ?1 order by id""")
                .setParameter(1, account.id()).getResultList()).stream().map(Number::longValue).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> ordersOf(Account account) {
        return em.createNativeQuery("select merchant_order_id from topup_order where merchant_id = ?1 order by merchant_order_id")
                .setParameter(1, account.id()).getResultList();
    }
}
