package com.topup.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.web.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IntakeCombinerTest {

    private final ExecutorService requests = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        requests.shutdownNow();
    }

    @Test
    void ordersArrivingWhileOneIsStoredAreStoredTogetherAndEachGetsItsOwnAnswer() throws Exception {
        RecordingStore store = new RecordingStore(true, Set.of());
        IntakeCombiner combiner = new IntakeCombiner(store);
        Future<IntakeResult> first = requests.submit(() -> combiner.place(order(1, "FIRST")));
        List<Future<IntakeResult>> later = queuedBehindTheFirst(store, combiner, 5);

        assertEquals("FIRST", first.get(5, TimeUnit.SECONDS).order().merchantOrderId());
        for (int i = 0; i < 5; i++) {
            IntakeResult result = later.get(i).get(5, TimeUnit.SECONDS);
            assertEquals("LATER-" + i, result.order().merchantOrderId());
            assertTrue(result.created());
        }
        assertEquals(List.of(5), store.groups);
    }

    /** While the first order is being stored, {@code count} more (LATER-0, LATER-1, …) queue; then the first is let go. */
    private List<Future<IntakeResult>> queuedBehindTheFirst(RecordingStore store, IntakeCombiner combiner, int count)
            throws Exception {
        store.firstEntered.await(5, TimeUnit.SECONDS);
        List<Future<IntakeResult>> later = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "LATER-" + i;
            later.add(requests.submit(() -> combiner.place(order(1, id))));
        }
        awaitQueued(store, count);
        store.release.countDown();
        return later;
    }

    @Test
    void aGroupThatCannotBeStoredTogetherIsStoredOneByOneWithEachOrdersOwnAnswer() throws Exception {
        RecordingStore store = new RecordingStore(false, Set.of("SHORT"));
        IntakeCombiner combiner = new IntakeCombiner(store);
        Future<IntakeResult> first = requests.submit(() -> combiner.place(order(1, "FIRST")));
        store.firstEntered.await(5, TimeUnit.SECONDS);
        Future<IntakeResult> fits = requests.submit(() -> combiner.place(order(1, "FITS")));
        Future<IntakeResult> shortOfBalance = requests.submit(() -> combiner.place(order(1, "SHORT")));
        awaitQueued(store, 2);
        store.release.countDown();

        assertEquals("FIRST", first.get(5, TimeUnit.SECONDS).order().merchantOrderId());
        assertEquals("FITS", fits.get(5, TimeUnit.SECONDS).order().merchantOrderId());
        Exception refused = assertThrows(Exception.class, () -> shortOfBalance.get(5, TimeUnit.SECONDS));
        assertEquals("INSUFFICIENT_BALANCE", ((ApiException) refused.getCause()).code());
        assertEquals(List.of(2), store.groups);
        assertEquals(Set.of("FIRST", "FITS", "SHORT"), Set.copyOf(store.singles));
    }

    @Test
    void moreOrdersQueuedThanAGroupHoldsAreStoredInSeveralGroupsEachWithItsOwnAnswer() throws Exception {
        RecordingStore store = new RecordingStore(true, Set.of());
        IntakeCombiner combiner = new IntakeCombiner(store, 2);
        Future<IntakeResult> first = requests.submit(() -> combiner.place(order(1, "FIRST")));
        List<Future<IntakeResult>> later = queuedBehindTheFirst(store, combiner, 5);

        assertEquals("FIRST", first.get(5, TimeUnit.SECONDS).order().merchantOrderId());
        for (int i = 0; i < 5; i++) {
            assertEquals("LATER-" + i, later.get(i).get(5, TimeUnit.SECONDS).order().merchantOrderId());
        }
        assertEquals(List.of(2, 2), store.groups);
        assertEquals(2, store.singles.size(), "the first, and the fifth stored alone");
    }

    @Test
    void anotherMerchantsOrderIsNeverInTheGroup() throws Exception {
        RecordingStore store = new RecordingStore(true, Set.of());
        IntakeCombiner combiner = new IntakeCombiner(store);
        Future<IntakeResult> first = requests.submit(() -> combiner.place(order(1, "FIRST")));
        store.firstEntered.await(5, TimeUnit.SECONDS);
        IntakeResult other = requests.submit(() -> combiner.place(order(2, "OTHER"))).get(5, TimeUnit.SECONDS);
        store.release.countDown();

        assertEquals("OTHER", other.order().merchantOrderId());
        assertEquals("FIRST", first.get(5, TimeUnit.SECONDS).order().merchantOrderId());
        assertEquals(List.of(), store.groups);
    }

    /** Polls until {@code n} requests wait in the lane behind the first (their threads parked). */
    private static void awaitQueued(RecordingStore store, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (store.waitingThreads() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(n, store.waitingThreads(), "requests queued behind the first");
    }

    private static NewOrder order(long merchantId, String merchantOrderId) {
        return new NewOrder("T-" + merchantOrderId, merchantId, "m" + merchantId, merchantOrderId, new byte[0], "hash",
                "138****8000", "CN", "CHINA_MOBILE", "广东", "广州", 1000, 985, null, Instant.parse("2026-12-01T00:00:00Z"));
    }

    /** A store that records groups, holds the first single order until released, and refuses the listed ones. */
    private static final class RecordingStore extends OrderStore {

        final List<Integer> groups = Collections.synchronizedList(new ArrayList<>());
        final List<String> singles = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstEntered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final boolean together;
        private final Set<String> refused;

        RecordingStore(boolean together, Set<String> refused) {
            super(null, null, null, null);
            this.together = together;
            this.refused = refused;
        }

        @Override
        public IntakeResult create(NewOrder order) {
            singles.add(order.merchantOrderId());
            if (order.merchantOrderId().equals("FIRST")) {
                firstEntered.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (refused.contains(order.merchantOrderId())) {
                throw new ApiException(402, "INSUFFICIENT_BALANCE", "short", Map.of());
            }
            return new IntakeResult(order.view(), true);
        }

        @Override
        public Optional<List<OrderView>> createAll(List<NewOrder> orders) {
            groups.add(orders.size());
            return together ? Optional.of(orders.stream().map(NewOrder::view).toList()) : Optional.empty();
        }

        int waitingThreads() {
            return (int) Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getState() == Thread.State.WAITING)
                    .filter(t -> List.of(t.getStackTrace()).stream()
                            .anyMatch(frame -> frame.getClassName().equals(IntakeCombiner.class.getName())))
                    .count();
        }
    }
}
