package com.topup.common.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Items that blocking callers hand in, one or several at a time, applied several in one transaction when they arrive
 * together (a group commit). At most {@code groupsAtOnce} groups are applied at a time. A caller that finds one of them
 * free takes every item waiting (at most {@code maxGroup}) and applies them together; the callers that arrived meanwhile
 * wait, then find their results ready or take the next group. So while the load leaves a group free, every item goes
 * at once, alone; when it does not, the groups grow by themselves. {@code together} may leave an item out (an empty
 * result): it is applied alone after the group commits. When the group's transaction fails, its items are applied
 * again one transaction each, so one item's trouble never fails another's.
 *
 * <p>{@link #submit} hands an item in without waiting for it: the groups are then applied on the executor given, and
 * the item's future completes when its group has been applied (a caller that must not hold a thread meanwhile).
 *
 * @param <T> an item
 * @param <R> what applying it gave its caller
 */
public final class GroupCommit<T, R> {

    private final int maxGroup;
    private final Semaphore groups;
    private final Function<T, R> alone;
    private final Function<List<T>, List<Optional<R>>> together;
    private final Consumer<RuntimeException> onSplit;
    private final Queue<Waiting<T, R>> waiting = new ConcurrentLinkedQueue<>();
    private volatile Executor applier;

    /**
     * @param alone    applies one item in its own transaction
     * @param together applies several in one transaction and answers for each, in the order given
     * @param onSplit  told when a group's transaction failed and its items go one by one
     */
    public GroupCommit(int groupsAtOnce, int maxGroup, Function<T, R> alone,
                       Function<List<T>, List<Optional<R>>> together, Consumer<RuntimeException> onSplit) {
        if (groupsAtOnce < 1 || maxGroup < 1) {
            throw new IllegalArgumentException("groupsAtOnce and maxGroup must be at least 1");
        }
        this.groups = new Semaphore(groupsAtOnce);
        this.maxGroup = maxGroup;
        this.alone = alone;
        this.together = together;
        this.onSplit = onSplit;
    }

    /** Applies the item, alone or with others, and returns its result or throws what applying it threw. */
    public R apply(T item) {
        return unwrapped(applyAll(List.of(item)).get(0));
    }

    /**
     * Applies the items, alone or with others (in one group or several), and returns once each of them is applied:
     * for each, in the order given, its result or what applying it threw.
     */
    public List<CompletableFuture<R>> applyAll(List<T> items) {
        List<CompletableFuture<R>> mine = new ArrayList<>(items.size());
        for (T item : items) {
            Waiting<T, R> waitingItem = new Waiting<>(item);
            mine.add(waitingItem.result());
            waiting.add(waitingItem);
        }
        boolean restInOtherGroups = false;
        while (!restInOtherGroups && !allDone(mine)) {
            groups.acquireUninterruptibly();
            try {
                if (!allDone(mine)) {
                    List<Waiting<T, R>> group = nextGroup();
                    restInOtherGroups = group.isEmpty();
                    applyGroup(group);
                }
            } finally {
                releaseGroup();
            }
        }
        // every item is done, or taken by a group another caller is applying (which completes it whatever happens)
        CompletableFuture.allOf(mine.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
        return mine;
    }

    /**
     * Hands the item in and returns at once: a group is applied on {@code executor} (the same one on every call) now
     * if one of the groups is free, otherwise the group that frees up next takes the item. The future completes with
     * the item's result or what applying it threw.
     */
    public CompletableFuture<R> submit(T item, Executor executor) {
        applier = executor;
        Waiting<T, R> waitingItem = new Waiting<>(item);
        waiting.add(waitingItem);
        applyNextGroupIfFree();
        return waitingItem.result();
    }

    /** Items handed in and not yet taken by a group. */
    public int waitingCount() {
        return waiting.size();
    }

    /** On the executor given to {@link #submit}, applies the next group of the items waiting, if a group is free. */
    private void applyNextGroupIfFree() {
        Executor executor = applier;
        if (executor == null || waiting.isEmpty() || !groups.tryAcquire()) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    applyGroup(nextGroup());
                } finally {
                    releaseGroup();
                }
            });
        } catch (RuntimeException rejected) {
            groups.release();
            throw rejected;
        }
    }

    /** Frees a group; the items handed in while it was busy without a caller waiting for them go next. */
    private void releaseGroup() {
        groups.release();
        applyNextGroupIfFree();
    }

    private List<Waiting<T, R>> nextGroup() {
        List<Waiting<T, R>> group = new ArrayList<>();
        Waiting<T, R> next;
        while (group.size() < maxGroup && (next = waiting.poll()) != null) {
            group.add(next);
        }
        return group;
    }

    private void applyGroup(List<Waiting<T, R>> group) {
        if (group.isEmpty()) {
            return;
        }
        try {
            if (group.size() == 1) {
                applyAlone(group.get(0));
                return;
            }
            List<Optional<R>> results;
            try {
                results = together.apply(group.stream().map(Waiting::item).toList());
            } catch (RuntimeException e) {
                onSplit.accept(e);
                group.forEach(this::applyAlone);
                return;
            }
            for (int i = 0; i < group.size(); i++) {
                Waiting<T, R> item = group.get(i);
                results.get(i).ifPresentOrElse(item.result::complete, () -> applyAlone(item));
            }
        } finally {
            // an Error on the way must not leave another caller waiting for an item no group holds any more
            group.forEach(item -> item.result.completeExceptionally(new IllegalStateException("Not applied")));
        }
    }

    private void applyAlone(Waiting<T, R> item) {
        try {
            item.result.complete(alone.apply(item.item()));
        } catch (RuntimeException e) {
            item.result.completeExceptionally(e);
        }
    }

    private static boolean allDone(List<? extends CompletableFuture<?>> results) {
        return results.stream().allMatch(CompletableFuture::isDone);
    }

    private static <R> R unwrapped(CompletableFuture<R> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private record Waiting<T, R>(T item, CompletableFuture<R> result) {

        Waiting(T item) {
            this(item, new CompletableFuture<>());
        }
    }
}
