package com.topup.sim;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The simulated suppliers' orders, in memory; the oldest are forgotten past a cap so a long demo stays bounded. Orders
 * are also indexed by supplier and UTC day of each of their charges, so a day's statement reads only that day's
 * charged orders.
 */
final class SimOrderBook {

    private record Day(String supplier, LocalDate day) {
    }

    private final Map<String, SimOrder> orders = new ConcurrentHashMap<>();
    private final Queue<String> arrival = new ConcurrentLinkedQueue<>();
    private final Map<Day, Set<String>> chargedOn = new ConcurrentHashMap<>();
    private final int capacity;

    /** @param capacity how many orders are remembered ({@code topup.sim.remembered-orders}) */
    SimOrderBook(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("topup.sim.remembered-orders must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Stores the order unless the supplier already has one under its reference; returns the one stored. */
    SimOrder putIfAbsent(SimOrder order) {
        String key = key(order.supplier(), order.reference());
        SimOrder existing = orders.putIfAbsent(key, order);
        if (existing != null) {
            return existing;
        }
        arrival.add(key);
        while (orders.size() > capacity) {
            String oldest = arrival.poll();
            if (oldest == null) {
                break;
            }
            forget(oldest);
        }
        return order;
    }

    /** Records that the order was charged on the UTC day (call after each charge). */
    void charged(SimOrder order, LocalDate day) {
        String key = key(order.supplier(), order.reference());
        chargedOn.compute(new Day(order.supplier(), day), (d, keys) -> {
            Set<String> set = keys == null ? ConcurrentHashMap.newKeySet() : keys;
            set.add(key);
            return set;
        });
    }

    /** The supplier's orders charged on the UTC day (reversed charges included). */
    List<SimOrder> chargedOn(String supplier, LocalDate day) {
        Set<String> keys = chargedOn.getOrDefault(new Day(supplier, day), Set.of());
        return keys.stream().map(orders::get).filter(o -> o != null).toList();
    }

    /** Every order with at least one charge (reversed charges included). */
    List<SimOrder> charged() {
        return chargedOn.values().stream().flatMap(Set::stream).distinct().map(orders::get).filter(o -> o != null).toList();
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
        chargedOn.clear();
    }

    private void forget(String key) {
        SimOrder order = orders.remove(key);
        if (order == null) {
            return;
        }
        for (LocalDate day : order.chargeDays()) {
            chargedOn.computeIfPresent(new Day(order.supplier(), day), (d, keys) -> {
                keys.remove(key);
                return keys.isEmpty() ? null : keys;
            });
        }
    }

    private static String key(String supplier, String reference) {
        return supplier + '\u0000' + reference;
    }
}
