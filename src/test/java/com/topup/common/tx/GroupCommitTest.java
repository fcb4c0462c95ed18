package com.topup.common.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** The item whose lone application keeps the others waiting until released. */
    private static final int BLOCKER = -1;

    private final ExecutorService callers = Executors.newFixedThreadPool(10);
    private final CountDownLatch blockerStarted = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> appliedAlone = Collections.synchronizedList(new ArrayList<>());
    private final List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger splits = new AtomicInteger();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    private GroupCommit<Integer, String> commit(int maxGroup, Function<Integer, String> alone,
                                                Function<List<Integer>, List<Optional<String>>> together) {
        return commit(1, maxGroup, alone, together);
    }

    private GroupCommit<Integer, String> commit(int groupsAtOnce, int maxGroup, Function<Integer, String> alone,
                                                Function<List<Integer>, List<Optional<String>>> together) {
        return new GroupCommit<>(groupsAtOnce, maxGroup, item -> {
            if (item == BLOCKER) {
                blockerStarted.countDown();
                await(release);
                return "blocker";
            }
            appliedAlone.add("alone " + item);
            return alone.apply(item);
        }, items -> {
            groups.add(items);
            return together.apply(items);
        }, failure -> splits.incrementAndGet());
    }

    /** Every group's transaction fails; alone, item 3 fails and the others succeed. */
    private GroupCommit<Integer, String> groupsFailAndThreeFailsAlone() {
        return commit(8, item -> {
            if (item == 3) {
                throw new IllegalArgumentException("three");
            }
            return "alone " + item;
        }, items -> {
            throw new IllegalStateException("deadlock detected");
        });
    }

    private GroupCommit<Integer, String> commit(int maxGroup) {
        return commit(maxGroup, item -> "alone " + item,
                items -> items.stream().map(item -> Optional.of("together " + item)).toList());
    }

    /**
     * Hands in the items one after the other while the blocker is being applied, then lets it finish: each item's
     * result, or its failure as "Class: message".
     */
    private List<String> whileBusy(GroupCommit<Integer, String> commit, List<Integer> items) throws Exception {
        Future<String> blocker = callers.submit(() -> commit.apply(BLOCKER));
        assertTrue(blockerStarted.await(10, TimeUnit.SECONDS));
        List<Future<String>> handedIn = new ArrayList<>();
        for (Integer item : items) {
            handedIn.add(callers.submit(() -> commit.apply(item)));
            awaitWaiting(commit, handedIn.size());
        }
        release.countDown();
        assertEquals("blocker", blocker.get(10, TimeUnit.SECONDS));
        List<String> results = new ArrayList<>();
        for (Future<String> result : handedIn) {
            try {
                results.add(result.get(10, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                results.add(e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
            }
        }
        return results;
    }

    @Test
    void aLoneItemIsAppliedAloneAtOnce() {
        assertEquals("alone 1", commit(8).apply(1));
        assertEquals(List.of(), groups);
    }

    @Test
    void itemsArrivingWhileOneIsAppliedGoTogetherNextAndEachCallerGetsItsOwnResult() throws Exception {
        GroupCommit<Integer, String> commit = commit(8);
        assertEquals(List.of("together 1", "together 2", "together 3", "together 4", "together 5"),
                whileBusy(commit, List.of(1, 2, 3, 4, 5)));
        assertEquals(List.of(List.of(1, 2, 3, 4, 5)), groups, "the five that waited went in one group");
        assertEquals(0, commit.waitingCount());
    }

    @Test
    void whileAGroupIsFreeAnItemGoesAtOnceAloneAndTheGroupsOfTheOthersNeverHoldIt() throws Exception {
        GroupCommit<Integer, String> commit = commit(2, 8, item -> "alone " + item,
                items -> items.stream().map(item -> Optional.of("together " + item)).toList());
        Future<String> blocker = callers.submit(() -> commit.apply(BLOCKER));
        assertTrue(blockerStarted.await(10, TimeUnit.SECONDS));
        assertEquals("alone 7", callers.submit(() -> commit.apply(7)).get(10, TimeUnit.SECONDS),
                "applied while the other group is still being applied");
        release.countDown();
        assertEquals("blocker", blocker.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(), groups);
    }

    @Test
    void aCallerWhoseItemAnotherGroupTookWaitsForThatGroupAndGetsItsResult() throws Exception {
        CountDownLatch bothBusy = new CountDownLatch(2);
        CountDownLatch releaseA = new CountDownLatch(1);
        CountDownLatch releaseB = new CountDownLatch(1);
        CountDownLatch groupStarted = new CountDownLatch(1);
        CountDownLatch releaseGroup = new CountDownLatch(1);
        GroupCommit<Integer, String> commit = new GroupCommit<>(2, 8, item -> {
            bothBusy.countDown();
            await(item == -1 ? releaseA : releaseB);
            return "blocker";
        }, items -> {
            groups.add(items);
            groupStarted.countDown();
            await(releaseGroup);
            return items.stream().map(item -> Optional.of("together " + item)).toList();
        }, failure -> splits.incrementAndGet());
        Future<String> a = callers.submit(() -> commit.apply(-1));
        Future<String> b = callers.submit(() -> commit.apply(-2));
        assertTrue(bothBusy.await(10, TimeUnit.SECONDS), "both groups busy");
        Future<String> one = callers.submit(() -> commit.apply(1));
        awaitWaiting(commit, 1);
        Future<String> two = callers.submit(() -> commit.apply(2));
        awaitWaiting(commit, 2);
        releaseB.countDown();
        assertTrue(groupStarted.await(10, TimeUnit.SECONDS), "one of the two callers took both items");
        releaseA.countDown();
        assertEquals("blocker", a.get(10, TimeUnit.SECONDS));
        assertEquals("blocker", b.get(10, TimeUnit.SECONDS));
        // the other caller got the free group, found nothing waiting and waits for the group that holds its item
        Thread.sleep(100);
        assertTrue(!one.isDone() && !two.isDone(), "both wait for the group still being applied");
        releaseGroup.countDown();
        assertEquals("together 1", one.get(10, TimeUnit.SECONDS));
        assertEquals("together 2", two.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(List.of(1, 2)), groups);
    }

    @Test
    void aGroupTakesAtMostMaxGroupItemsInTheOrderTheyArrived() throws Exception {
        assertEquals(List.of("together 1", "together 2", "together 3", "together 4", "alone 5"),
                whileBusy(commit(2), List.of(1, 2, 3, 4, 5)));
        assertEquals(List.of(List.of(1, 2), List.of(3, 4)), groups);
    }

    @Test
    void anItemTheGroupLeavesOutIsAppliedAloneAfterIt() throws Exception {
        GroupCommit<Integer, String> commit = commit(8, item -> "alone " + item,
                items -> items.stream().map(item -> item % 2 == 0 ? Optional.of("together " + item) : Optional.<String>empty())
                        .toList());
        assertEquals(List.of("together 2", "alone 3", "together 4"), whileBusy(commit, List.of(2, 3, 4)));
        assertEquals(List.of("alone 3"), appliedAlone);
    }

    @Test
    void aFailedGroupIsAppliedOneByOneAndOnlyTheFailingItemsCallerSeesItsFailure() throws Exception {
        GroupCommit<Integer, String> commit = groupsFailAndThreeFailsAlone();
        assertEquals(List.of("alone 2", "IllegalArgumentException: three", "alone 4"), whileBusy(commit, List.of(2, 3, 4)));
        assertEquals(1, splits.get());
    }

    @Test
    void anErrorInAGroupFailsItsItemsInsteadOfLeavingTheirCallersWaiting() throws Exception {
        GroupCommit<Integer, String> commit = commit(8, item -> "alone " + item, items -> {
            throw new AssertionError("broken");
        });
        List<String> results = whileBusy(commit, List.of(1, 2));
        assertEquals(1, results.stream().filter(r -> r.equals("AssertionError: broken")).count(), results.toString());
        assertEquals(1, results.stream().filter(r -> r.equals("IllegalStateException: Not applied")).count(),
                results.toString());
        assertEquals("alone 5", commit.apply(5), "the next caller is not stuck behind them");
    }

    @Test
    void aCallersItemsGoWithThoseWaitingBeforeThemOverAsManyGroupsAsTheyNeedEachAnsweredInItsPlace() throws Exception {
        GroupCommit<Integer, String> commit = commit(3, item -> {
            if (item == 4) {
                throw new IllegalArgumentException("four");
            }
            return "alone " + item;
        }, items -> items.stream().map(item -> item == 4 ? Optional.<String>empty() : Optional.of("together " + item))
                .toList());
        Future<String> blocker = callers.submit(() -> commit.apply(BLOCKER));
        assertTrue(blockerStarted.await(10, TimeUnit.SECONDS));
        Future<String> earlier = callers.submit(() -> commit.apply(1));
        awaitWaiting(commit, 1);
        Future<List<CompletableFuture<String>>> mine = callers.submit(() -> commit.applyAll(List.of(2, 3, 4, 5, 6)));
        awaitWaiting(commit, 6);
        release.countDown();
        assertEquals("blocker", blocker.get(10, TimeUnit.SECONDS));
        assertEquals("together 1", earlier.get(10, TimeUnit.SECONDS));
        List<CompletableFuture<String>> results = mine.get(10, TimeUnit.SECONDS);
        assertTrue(results.stream().allMatch(CompletableFuture::isDone), "returned once every item is applied");
        assertEquals(List.of("together 2", "together 3", "IllegalArgumentException: four", "together 5", "together 6"),
                results.stream().map(GroupCommitTest::outcome).toList());
        assertEquals(List.of(List.of(1, 2, 3), List.of(4, 5, 6)), groups, "in arrival order, at most three a group");
    }

    @Test
    void aCallersItemsAreAppliedOnceEachWhenAFailedGroupGoesOneByOne() {
        GroupCommit<Integer, String> commit = commit(8, item -> "alone " + item, items -> {
            throw new IllegalStateException("deadlock detected");
        });
        assertEquals(List.of("alone 1", "alone 2"), commit.applyAll(List.of(1, 2)).stream()
                .map(GroupCommitTest::outcome).toList());
        assertEquals(List.of("alone 1", "alone 2"), appliedAlone);
        assertEquals(1, splits.get());
    }

    @Test
    void aSubmittedItemIsAppliedOnTheExecutorWithoutItsCallerWaiting() throws Exception {
        GroupCommit<Integer, String> commit = commit(8);
        CompletableFuture<String> result = commit.submit(BLOCKER, callers);
        assertTrue(blockerStarted.await(10, TimeUnit.SECONDS), "applied on the executor");
        assertTrue(!result.isDone(), "the caller got its future back before the item was applied");
        release.countDown();
        assertEquals("blocker", result.get(10, TimeUnit.SECONDS));
    }

    @Test
    void itemsSubmittedWhileEveryGroupIsBusyGoTogetherWhenOneFrees() throws Exception {
        GroupCommit<Integer, String> commit = commit(8);
        CompletableFuture<String> blocker = commit.submit(BLOCKER, callers);
        assertTrue(blockerStarted.await(10, TimeUnit.SECONDS));
        List<CompletableFuture<String>> waiting = List.of(1, 2, 3).stream().map(item -> commit.submit(item, callers))
                .toList();
        assertEquals(3, commit.waitingCount(), "no group free, so nothing else runs");
        release.countDown();
        assertEquals("blocker", blocker.get(10, TimeUnit.SECONDS));
        List<String> results = new ArrayList<>();
        for (CompletableFuture<String> result : waiting) {
            results.add(result.get(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("together 1", "together 2", "together 3"), results);
        assertEquals(List.of(List.of(1, 2, 3)), groups);
    }

    @Test
    void aSubmittedItemWhoseGroupFailsIsAppliedAloneAndOnlyAFailingItemFails() throws Exception {
        GroupCommit<Integer, String> commit = groupsFailAndThreeFailsAlone();
        CompletableFuture<String> blocker = commit.submit(BLOCKER, callers);
        assertTrue(blockerStarted.await(10, TimeUnit.SECONDS));
        CompletableFuture<String> two = commit.submit(2, callers);
        CompletableFuture<String> three = commit.submit(3, callers);
        release.countDown();
        assertEquals("blocker", blocker.get(10, TimeUnit.SECONDS));
        assertEquals("alone 2", two.get(10, TimeUnit.SECONDS));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> three.get(10, TimeUnit.SECONDS));
        assertEquals("three", failure.getCause().getMessage());
        assertEquals(1, splits.get());
    }

    private static String outcome(CompletableFuture<String> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            return e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
        }
    }

    /** Until that many items wait, so the items handed in one after another arrive in that order. */
    private static void awaitWaiting(GroupCommit<?, ?> commit, int count) {
        while (commit.waitingCount() < count) {
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
