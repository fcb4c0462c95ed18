package com.topup.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The shared per-second window in PostgreSQL: concurrent admissions (as from several instances) are each counted
 * exactly once, and a replayed nonce is refused without being counted.
 */
@QuarkusTest
class RequestAdmissionsTest {

    private static final int CALLERS = 8;
    private static final int ADMISSIONS = 200;

    @Inject
    RequestAdmissions admissions;

    @Inject
    MerchantAccountService accounts;

    @Test
    void concurrentAdmissionsOfOneMerchantAreEachCountedOnce() throws Exception {
        long merchantId = newMerchant();
        List<Long> hits = Collections.synchronizedList(new ArrayList<>());
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            awaitStartOfASecond();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < ADMISSIONS; i++) {
                done.add(callers.submit(() -> hits.add(admit(merchantId, nonce()).orElseThrow().hits())));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            callers.shutdown();
        }
        Map<Long, Integer> times = new TreeMap<>();
        hits.forEach(h -> times.merge(h, 1, Integer::sum));
        int windows = times.get(1L);
        assertTrue(windows == 1 || windows == 2, "the burst spans at most two seconds: " + windows);
        if (windows == 1) {
            assertEquals(LongStream.rangeClosed(1, ADMISSIONS).boxed().toList(), hits.stream().sorted().toList(),
                    "within one second every admission has its own count, none lost");
        } else {
            times.forEach((count, n) -> assertTrue(n <= 2, count + " counted " + n + " times in two windows"));
            long max = times.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            assertEquals(max, times.size(), "no count is skipped");
        }
    }

    @Test
    void aReplayedNonceIsRefusedAndNotCounted() {
        long merchantId = newMerchant();
        String nonce = nonce();
        awaitStartOfASecond();
        long first = admit(merchantId, nonce).orElseThrow().hits();
        assertTrue(admit(merchantId, nonce).isEmpty(), "the same nonce again is a replay");
        long next = admit(merchantId, nonce()).orElseThrow().hits();
        assertEquals(first + 1, next, "the replay was not counted");
    }

    @Test
    void aNewSecondStartsANewCount() {
        long merchantId = newMerchant();
        admit(merchantId, nonce());
        admit(merchantId, nonce());
        long second = System.currentTimeMillis() / 1000;
        while (System.currentTimeMillis() / 1000 == second) {
            Thread.onSpinWait();
        }
        assertEquals(1, admit(merchantId, nonce()).orElseThrow().hits());
    }

    private java.util.Optional<RateWindow> admit(long merchantId, String nonce) {
        Instant now = Instant.now();
        return admissions.admit(merchantId, nonce, now, now.plus(Duration.ofMinutes(10)));
    }

    private long newMerchant() {
        String code = "admissions-" + UUID.randomUUID().toString().substring(0, 8);
        return accounts.open(code, code, code + "-secret-123", 9_850, 0).id;
    }

    private static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static void awaitStartOfASecond() {
        while (System.currentTimeMillis() % 1000 > 50) {
            Thread.onSpinWait();
        }
    }
}
