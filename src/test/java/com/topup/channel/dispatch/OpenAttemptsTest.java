package com.topup.channel.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.topup.common.db.Sql;
import com.topup.notify.CallbackOrders;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A channel's open attempts are counted under its lock, so two planning transactions never both fill its last slot. */
@QuarkusTest
class OpenAttemptsTest {

    @Inject
    OpenAttempts open;
    @Inject
    Sql sql;

    @Test
    void aTransactionReadsAChannelsOpenAttemptsOnceAndCountsUpThoseItStarts() {
        String channel = channel();
        QuarkusTransaction.requiringNew().run(() -> {
            open.started(channel);
            assertEquals(0, open.on(channel), "read from the table the first time");
            open.started(channel);
            open.started(channel);
            assertEquals(2, open.on(channel), "then counted up by the transaction's own attempts");
        });
        QuarkusTransaction.requiringNew().run(() -> assertEquals(0, open.on(channel), "read again by the next transaction"));
    }

    @Test
    void aSecondTransactionCountsAChannelOnlyAfterTheFirstToCountItHasCommitted() throws Exception {
        String channel = channel();
        try (ChannelLockHolder first = ChannelLockHolder.of(open, channel)) {
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(
                    () -> QuarkusTransaction.requiringNew().call(() -> open.on(channel)));
            CallbackOrders.eventually(Duration.ofSeconds(10), "the second transaction waits for the channel's lock",
                    () -> waitingFor(channel) == 1);
            assertFalse(second.isDone(), "no count while the first transaction may still start attempts");
            first.commit();
            assertEquals(0, second.get(10, TimeUnit.SECONDS), "counted once the first had committed");
        }
    }

    @Test
    void aChannelWhoseLockIsBelowOneHeldAndTakenElsewhereCountsAsFullInsteadOfWaiting() throws Exception {
        String low = channel();
        String high = channel();
        while (high.hashCode() <= low.hashCode()) {
            high = channel();
        }
        String higher = high;
        try (ChannelLockHolder other = ChannelLockHolder.of(open, low)) {
            int[] seen = QuarkusTransaction.requiringNew().call(() -> new int[] {open.on(higher), open.on(low)});
            assertEquals(0, seen[0], "the higher channel is counted");
            assertEquals(Integer.MAX_VALUE, seen[1], "the lower one, held by the other transaction, counts as full");
        }
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> open.on(low)), "counted again once it is free");
    }

    @Test
    void channelsCountedTogetherAreLockedTogetherUntilTheCommitAndCountedAgainAfter() throws Exception {
        String first = channel();
        String second = channel();
        try (ChannelLockHolder both = ChannelLockHolder.ofAll(open, List.of(first, second))) {
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(
                    () -> QuarkusTransaction.requiringNew().call(() -> open.on(second)));
            CallbackOrders.eventually(Duration.ofSeconds(10), "the other transaction waits for the second channel",
                    () -> waitingFor(second) == 1);
            assertFalse(other.isDone());
            both.commit();
            assertEquals(0, other.get(10, TimeUnit.SECONDS));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            open.countAll(List.of(first, second, first));
            open.started(first);
            assertEquals(1, open.on(first), "counted by countAll, then counted up");
            assertEquals(0, open.on(second));
        });
    }

    /** A code whose lock key is positive, so pg_locks shows it unchanged as an oid. */
    private static String channel() {
        String code;
        do {
            code = "lock-test-" + UUID.randomUUID();
        } while (code.hashCode() < 0);
        return code;
    }

    private long waitingFor(String channel) {
        return sql.queryLong("""
                select count(*) from pg_locks where locktype = 'advisory' and objid = ?::int::oid and not granted""",
                channel.hashCode());
    }
}
