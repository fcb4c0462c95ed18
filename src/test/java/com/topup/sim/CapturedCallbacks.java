package com.topup.sim;

import com.topup.channel.adapter.ChannelCallback;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Callbacks the simulated suppliers delivered to the test endpoint, verified by the real adapters. */
@ApplicationScoped
public class CapturedCallbacks {

    private final Map<String, List<ChannelCallback>> byReference = new ConcurrentHashMap<>();

    void add(ChannelCallback callback) {
        byReference.computeIfAbsent(callback.reference(), r -> new CopyOnWriteArrayList<>()).add(callback);
    }

    /** Polls until {@code count} callbacks for the reference have arrived, or fails after the timeout. */
    public List<ChannelCallback> await(String reference, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<ChannelCallback> received = byReference.getOrDefault(reference, List.of());
            if (received.size() >= count) {
                return List.copyOf(received);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Expected " + count + " callbacks for " + reference + ", got "
                + byReference.getOrDefault(reference, List.of()));
    }
}
