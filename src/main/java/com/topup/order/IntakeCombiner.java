package com.topup.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stores one merchant's concurrent single orders together. Every order of a merchant debits the same balance row, so
 * their transactions would queue on it one commit (and one disk flush) at a time. Here the request that finds no
 * transaction of its merchant running stores its order and every order of that merchant that arrived meanwhile in one
 * transaction ({@link OrderStore#createAll}); the others wait for that and take their answer from it. When the group
 * cannot be stored together (a repeated or conflicting merchantOrderId, a balance short for all of them) its orders
 * are stored one by one, each with its own answer, exactly as alone.
 */
@ApplicationScoped
public class IntakeCombiner {

    /** The largest group, as the batch API's. */
    static final int MAX_GROUP = OrderIntakeService.MAX_BATCH;

    private final OrderStore store;
    private final int maxGroup;
    private final ConcurrentMap<Long, Lane> lanes = new ConcurrentHashMap<>();

    @Inject
    public IntakeCombiner(OrderStore store) {
        this(store, MAX_GROUP);
    }

    IntakeCombiner(OrderStore store, int maxGroup) {
        this.store = store;
        this.maxGroup = maxGroup;
    }

    /** Called outside any transaction (a group's transaction is its own). */
    public IntakeResult place(NewOrder order) {
        Lane lane = lanes.computeIfAbsent(order.merchantId(), merchant -> new Lane());
        Pending mine = new Pending(order);
        List<Pending> group;
        lane.lock.lock();
        try {
            lane.queue.add(mine);
            while (lane.storing && !mine.answered) {
                lane.stored.awaitUninterruptibly();
            }
            if (mine.answered) {
                return mine.answer();
            }
            lane.storing = true;
            lane.queue.remove(mine);
            group = new ArrayList<>(List.of(mine));
            while (!lane.queue.isEmpty() && group.size() < maxGroup) {
                group.add(lane.queue.poll());
            }
        } finally {
            lane.lock.unlock();
        }
        try {
            store(group);
        } finally {
            lane.lock.lock();
            try {
                group.forEach(pending -> pending.answered = true);
                lane.storing = false;
                lane.stored.signalAll();
            } finally {
                lane.lock.unlock();
            }
        }
        return mine.answer();
    }

    private void store(List<Pending> group) {
        try {
            List<StoredOrder> outcomes = store.createEach(group.stream().map(p -> p.order).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).outcome = outcomes.get(i);
            }
        } catch (RuntimeException e) {
            group.forEach(p -> p.outcome = StoredOrder.failed(e));
        }
    }

    /** One merchant's queue of orders waiting to be stored, and whether a transaction of theirs is running. */
    private static final class Lane {
        final ReentrantLock lock = new ReentrantLock();
        final Condition stored = lock.newCondition();
        final Queue<Pending> queue = new ArrayDeque<>();
        boolean storing;
    }

    /** An order waiting in a lane; its answer is set by the request that stored it, before that request signals. */
    private static final class Pending {
        final NewOrder order;
        StoredOrder outcome;
        boolean answered;

        Pending(NewOrder order) {
            this.order = order;
        }

        IntakeResult answer() {
            if (outcome == null) {
                throw new IllegalStateException("The request storing order " + order.merchantOrderId() + " ended without an answer");
            }
            return outcome.answer();
        }
    }
}
