package com.topup.channel.dispatch;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A transaction in another thread that has counted channels and holds their locks until committed or closed. */
record ChannelLockHolder(CountDownLatch release, CompletableFuture<Void> done) implements AutoCloseable {

    static ChannelLockHolder of(OpenAttempts open, String channel) throws Exception {
        return ofAll(open, List.of(channel));
    }

    static ChannelLockHolder ofAll(OpenAttempts open, List<String> channels) throws Exception {
        CountDownLatch counted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            open.countAll(channels);
            counted.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        if (!counted.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the holding transaction did not count " + channels);
        }
        return new ChannelLockHolder(release, done);
    }

    void commit() throws Exception {
        release.countDown();
        done.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        commit();
    }
}
