package com.topup.channel.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.topup.common.db.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The window's tallies read in rounds: slots that no longer change are read once, and the whole window again now and then. */
@QuarkusTest
class OutcomeTalliesTest {

    /** A time no attempt of another test finishes in, so the window holds this test's rows alone. */
    private static final Instant NOW = Instant.parse("2099-05-01T10:00:05Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);

    @Inject
    Sql sql;

    private final String channel = "tally-rounds-" + UUID.randomUUID();

    @AfterEach
    void removeRows() {
        sql.update("delete from channel_outcome_tally where channel_code = ?", channel);
    }

    @Test
    void aRoundReadsOnlyTheSlotsThatMayChangeAndTheWholeWindowAfterTheRereadInterval() {
        OutcomeTallies tallies = new OutcomeTallies(sql, Duration.ofSeconds(30), Duration.ofMinutes(1));
        add(NOW.minus(Duration.ofMinutes(4)), 10, 9);
        add(NOW.minusSeconds(5), 3, 3);
        assertEquals(List.of(13L, 12L), figures(tallies.read(NOW.minus(WINDOW), NOW)), "the first round reads all");

        add(NOW.minus(Duration.ofMinutes(4)), 1, 0);
        add(NOW.minusSeconds(5), 2, 1);
        Instant next = NOW.plusSeconds(1);
        assertEquals(List.of(15L, 13L), figures(tallies.read(next.minus(WINDOW), next)),
                "a round sees the recent slot's change; the kept slot's correction waits for the whole window's read");

        Instant later = NOW.plusSeconds(40);
        assertEquals(List.of(15L, 13L), figures(tallies.read(later.minus(WINDOW), later)),
                "the recent slot, now kept, is counted once");
        add(NOW.minusSeconds(5), 4, 4);
        Instant after = NOW.plusSeconds(45);
        assertEquals(List.of(15L, 13L), figures(tallies.read(after.minus(WINDOW), after)), "a kept slot is not read again");

        Instant reread = NOW.plusSeconds(61);
        assertEquals(List.of(20L, 17L), figures(tallies.read(reread.minus(WINDOW), reread)),
                "after the re-read interval the whole window is read again");
        assertEquals(List.of(20L, 17L), figures(tallies.readAll(reread.minus(WINDOW), reread)));

        Instant outOfWindow = NOW.plusSeconds(66);
        assertEquals(List.of(9L, 8L), figures(tallies.read(outOfWindow.minus(WINDOW), outOfWindow)),
                "the oldest slot left the window and is no longer counted");
    }

    @Test
    void aChannelCarrierAndClassWhoseCountsCancelOutIsLeftOut() {
        OutcomeTallies tallies = new OutcomeTallies(sql, Duration.ofSeconds(30), Duration.ofMinutes(1));
        add(NOW.minus(Duration.ofMinutes(2)), 2, 1);
        add(NOW.minusSeconds(5), -2, -1);
        assertEquals(List.of(), tallies.read(NOW.minus(WINDOW), NOW).stream()
                .filter(row -> row.channel().equals(channel)).toList());
    }

    private void add(Instant finishedAt, int finished, int succeeded) {
        sql.update("""
                insert into channel_outcome_tally as t (channel_code, carrier, slot, latency_class, stripe, finished, succeeded)
                values (?, 'CHINA_MOBILE', date_bin(interval '10 seconds', ?::timestamptz, timestamptz '2000-01-01 00:00:00+00'), 42, 0, ?, ?)
                on conflict (slot, channel_code, carrier, latency_class, stripe) do update
                    set finished = t.finished + excluded.finished, succeeded = t.succeeded + excluded.succeeded""",
                channel, finishedAt, finished, succeeded);
    }

    /** This test's channel: finished and succeeded. */
    private List<Long> figures(List<OutcomeTallies.Row> rows) {
        List<OutcomeTallies.Row> mine = rows.stream().filter(row -> row.channel().equals(channel)).toList();
        return List.of(mine.stream().mapToLong(OutcomeTallies.Row::finished).sum(),
                mine.stream().mapToLong(OutcomeTallies.Row::succeeded).sum());
    }
}
