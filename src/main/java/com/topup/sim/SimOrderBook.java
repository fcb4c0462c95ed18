package com.topup.sim;

import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The simulated suppliers' orders, in memory; the oldest are forgotten past a cap so a long demo stays bounded. */
final class SimOrderBook {

    static final int CAPACITY = 500_000;

    private final Map<String, SimOrder> orders = new ConcurrentHashMap<>();
    private final Queue<String> arrival = new ConcurrentLinkedQueue<>();

    /** Stores the order unless the supplier already has one under its reference; returns the one stored. */
    SimOrder putIfAbsent(SimOrder order) {
        String key = key(order.supplier(), order.reference());
        SimOrder existing = orders.putIfAbsent(key, order);
        if (existing != null) {
            return existing;
        }
        arrival.add(key);
        while (orders.size() > CAPACITY) {
            String oldest = arrival.poll();
            if (oldest == null) {
                break;
            }
            orders.remove(oldest);
        }
        return order;
    }

    Optional<SimOrder> find(String supplier, String reference) {
        return Optional.ofNullable(orders.get(key(supplier, reference)));
    }

    int size() {
        return orders.size();
    }

    void clear() {
        orders.clear();
        arrival.clear();
    }

    private static String key(String supplier, String reference) {
        return supplier + '\u0000' + reference;
    }
}
