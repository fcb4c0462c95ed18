package com.topup.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.merchant.LedgerService;
import com.topup.merchant.MerchantAccountService;
import com.topup.merchant.Reconciliation;
import com.topup.support.MerchantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderConcurrencyTest {

    @Inject
    MerchantAccountService accounts;
    @Inject
    LedgerService ledger;
    @Inject
    EntityManager em;

    @Test
    void twentyConcurrentIdenticalSubmissionsMakeOneOrderAndOneDebit() throws Exception {
        accounts.open("idem-merchant", "Idem", "idem-merchant-secret-1", 9_850, 1_000_000);
        MerchantApi api = new MerchantApi("idem-merchant", "idem-merchant-secret-1");
        String body = MerchantApi.orderJson("SAME-ORDER", "13800138000", 10000);

        List<Response> responses = concurrently(20, () -> api.post("/api/v1/orders", body));

        Set<String> orderIds = responses.stream().map(r -> (String) r.path("orderId")).collect(Collectors.toSet());
        assertEquals(1, orderIds.size(), "all answers name the same order");
        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 201).count());
        assertEquals(19, responses.stream().filter(r -> r.statusCode() == 200).count());
        long merchantId = accounts.idOf("idem-merchant");
        assertEquals(1L, count("select count(*) from topup_order where merchant_id = " + merchantId));
        assertEquals(1L, count("select count(*) from ledger_entry where kind = 'DEBIT' and merchant_id = " + merchantId));
        assertEquals(1_000_000 - 9_850, ledger.balance(merchantId));
        assertTrue(ledger.reconcile(merchantId).balanced());
    }

    @Test
    void concurrentOrdersNeverOverdrawASmallBalance() throws Exception {
        // room for exactly 7 orders of 985 fen
        accounts.open("tight-merchant", "Tight", "tight-merchant-secret-1", 9_850, 7 * 985 + 500);
        MerchantApi api = new MerchantApi("tight-merchant", "tight-merchant-secret-1");
        int[] counter = {0};

        List<Response> responses = concurrently(30, () -> {
            int n;
            synchronized (counter) {
                n = counter[0]++;
            }
            return api.post("/api/v1/orders", MerchantApi.orderJson("TIGHT-" + n, "13800138000", 1000));
        });

        long accepted = responses.stream().filter(r -> r.statusCode() == 201).count();
        List<Response> refused = responses.stream().filter(r -> r.statusCode() != 201).toList();
        assertEquals(7, accepted);
        assertTrue(refused.stream().allMatch(r -> r.statusCode() == 402 && "INSUFFICIENT_BALANCE".equals(r.path("code"))),
                "every refusal is INSUFFICIENT_BALANCE");
        long merchantId = accounts.idOf("tight-merchant");
        assertEquals(500, ledger.balance(merchantId));
        Reconciliation reconciliation = ledger.reconcile(merchantId);
        assertTrue(reconciliation.balanced(), reconciliation.toString());
        assertEquals(7L, count("select count(*) from topup_order where merchant_id = " + merchantId));
    }

    @Transactional
    long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    private static List<Response> concurrently(int n, Callable<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
