package com.topup.channel.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.common.db.Sql;
import com.topup.merchant.MerchantAccountService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The success model's reads by snapshot: every finish is read once, in the round after its transaction commits,
 * however long before that it began or whatever finish time it wrote.
 */
@QuarkusTest
class FinishedAttemptsTest {

    private static final String CARRIER = "CHINA_MOBILE";
    private static final String FINISH = """
            update channel_attempt set status = ?, finished_at = ?, latency_ms = 1000, next_query_at = null
            where id = ? and status = 'PROCESSING'""";

    @Inject
    Sql sql;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MerchantAccountService accounts;

    @Inject
    FinishedAttempts attempts;

    @Inject
    ChannelPredictions predictions;

    private HealthFixtures fixtures;
    private String channel;

    @BeforeEach
    void channel() {
        fixtures = new HealthFixtures(sql, dataSource, accounts);
        channel = HealthFixtures.uniqueCode("finished-reads");
        fixtures.channel(channel, null, Instant.now());
    }

    @Test
    void aFinishIsReadInTheRoundAfterItsTransactionCommitsHoweverEarlyItsFinishTime() throws SQLException {
        String early = open();
        String late = open();
        String first = attempts.snapshot();
        String second;
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            finish(slow, early, "SUCCEEDED", Instant.now().minusSeconds(60));
            finish(late, "SUCCEEDED", Instant.now());
            second = attempts.snapshot();
            assertEquals(List.of(late), ids(committedBetween(first, second)),
                    "the finish committed since is read; the one still in its transaction is not");
            slow.commit();
        }
        String third = attempts.snapshot();
        assertEquals(List.of(early), ids(committedBetween(second, third)),
                "the next round reads the late commit, though it finished a minute before the one already read");
        assertEquals(List.of(), ids(committedBetween(third, attempts.snapshot())), "and no round reads either again");
    }

    @Test
    void aPageGoesOnAfterTheLastRowOfTheOneBeforeWithinOneTransactionAndAcrossThem() throws SQLException {
        List<String> together = List.of(open(), open(), open());
        String alone = open();
        String from = attempts.snapshot();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (String id : together) {
                finish(c, id, "SUCCEEDED", Instant.now());
            }
            c.commit();
        }
        finish(alone, "FAILED", Instant.now());
        List<String> read = ids(pages(from, attempts.snapshot(), 1));
        assertEquals(4, read.size(), "each once: " + read);
        assertEquals(Set.copyOf(together), Set.copyOf(read.subList(0, 3)), "one transaction's finishes first");
        assertEquals(alone, read.get(3), "then the next transaction's");
    }

    @Test
    void theFirstRoundReadsWhatItsSnapshotSeesAndLeavesTheRestToTheNext() throws SQLException {
        String before = open();
        String unstamped = open();
        String during = open();
        finish(before, "SUCCEEDED", Instant.now().minusSeconds(600));
        finish(unstamped, "FAILED", Instant.now().minusSeconds(300));
        sql.update("update channel_attempt set finish_xid = null where id = ?", unstamped);
        String snapshot;
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            finish(slow, during, "SUCCEEDED", Instant.now().minusSeconds(900));
            snapshot = attempts.snapshot();
            slow.commit();
        }
        Instant since = Instant.now().minusSeconds(3600);
        List<FinishedAttempts.Row> first = attempts.seenBy(snapshot, since, since, "", 5000).stream()
                .filter(row -> row.observation().channel().equals(channel)).toList();
        assertEquals(List.of(before, unstamped), ids(first),
                "in the order they finished; a finish from before the stamps were kept counts as seen");
        assertEquals(List.of(during), ids(committedBetween(snapshot, attempts.snapshot())));
    }

    @Test
    void aFinishedAttemptIsStampedAgainWhenHowItFinishedChangesAndOnlyThen() {
        String id = open();
        finish(id, "FAILED", Instant.now());
        String failed = stamp(id);
        sql.update("update channel_attempt set fallback_action = 'NEXT_CHANNEL' where id = ?", id);
        assertEquals(failed, stamp(id), "what the fallback rules decided is not a finish");
        sql.update("update channel_attempt set status = 'SUCCEEDED' where id = ?", id);
        assertNotEquals(failed, stamp(id), "a success reported after the failure is");
    }

    @Test
    void theModelLearnsAFinishWhoseTransactionCommitsLateInTheRoundAfterTheCommit() throws SQLException {
        String failing = open();
        predictions.catchUp();
        double before = learnt();
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            finish(slow, failing, "FAILED", Instant.now().minusSeconds(60));
            finish(open(), "SUCCEEDED", Instant.now());
            predictions.catchUp();
            double withTheSuccess = learnt();
            assertTrue(withTheSuccess - before > 0.9 && withTheSuccess - before < 1.5,
                    "the success committed is learnt, the failure not yet: " + before + " -> " + withTheSuccess);
            slow.commit();
            predictions.catchUp();
            assertTrue(learnt() - withTheSuccess > 0.5, "the failure is learnt once committed, though it finished a "
                    + "minute before the success already learnt: " + withTheSuccess + " -> " + learnt());
        }
    }

    /** The channel's attempts the model has learnt for the carrier, each weighted by how recently it finished. */
    private double learnt() {
        return predictions.predict(channel, CARRIER, null, 1000).sampleSize();
    }

    private String stamp(String attemptId) {
        return sql.queryText("select finish_xid::text from channel_attempt where id = ?", attemptId);
    }

    private String open() {
        return fixtures.predicted(channel, CARRIER, true, 0.9, null);
    }

    private void finish(String attemptId, String status, Instant finishedAt) {
        assertEquals(1, sql.update(FINISH, status, finishedAt, attemptId));
    }

    /** The same finish on a connection of the test's own, in a transaction it commits when it chooses. */
    private static void finish(Connection connection, String attemptId, String status, Instant finishedAt)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(FINISH)) {
            s.setString(1, status);
            s.setTimestamp(2, Timestamp.from(finishedAt));
            s.setString(3, attemptId);
            assertEquals(1, s.executeUpdate());
        }
    }

    /** Every page of the reads between the two snapshots, of this test's channel, in reading order. */
    private List<FinishedAttempts.Row> committedBetween(String from, String until) {
        return pages(from, until, 1000);
    }

    private List<FinishedAttempts.Row> pages(String from, String until, int pageSize) {
        List<FinishedAttempts.Row> all = new ArrayList<>();
        String afterXid = ChannelPredictions.oldestUnseen(from);
        assertEquals(sql.queryText("select pg_snapshot_xmin(?::pg_snapshot)::text", from), afterXid);
        String afterId = "";
        List<FinishedAttempts.Row> page;
        do {
            page = attempts.committedBetween(from, until, afterXid, afterId, pageSize);
            if (!page.isEmpty()) {
                afterXid = page.get(page.size() - 1).finishXid();
                afterId = page.get(page.size() - 1).id();
            }
            all.addAll(page);
        } while (page.size() == pageSize);
        return all.stream().filter(row -> row.observation().channel().equals(channel)).toList();
    }

    private static List<String> ids(List<FinishedAttempts.Row> rows) {
        return rows.stream().map(FinishedAttempts.Row::id).toList();
    }
}
