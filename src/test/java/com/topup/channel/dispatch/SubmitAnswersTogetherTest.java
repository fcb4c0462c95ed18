package com.topup.channel.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.topup.channel.ChannelDirectory;
import com.topup.channel.adapter.SubmitResult;
import com.topup.common.db.Sql;
import com.topup.merchant.MerchantAccountService;
import com.topup.notify.CallbackOrders;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The answers to several submits are recorded after their orders are locked, as every transaction that moves several
 * attempts is: a group of callbacks that holds those orders is waited for, never met in a deadlock on the attempts.
 */
@QuarkusTest
class SubmitAnswersTogetherTest {

    @Inject
    AttemptOutcomes outcomes;
    @Inject
    ChannelDirectory directory;
    @Inject
    MerchantAccountService accounts;
    @Inject
    DataSource dataSource;
    @Inject
    Sql sql;

    private UnchargedOrders orders;

    @BeforeEach
    void openTheMerchant() {
        orders = new UnchargedOrders(sql, accounts, "submit-answers");
    }

    @AfterEach
    void removeTheUnchargedOrders() {
        orders.removeAll();
    }

    @Test
    void answersRecordedTogetherWaitForTheLockOfTheirOrdersBeforeMovingTheirAttempts() throws Exception {
        PlannedAttempt first = submitting();
        PlannedAttempt second = submitting();
        List<SubmitAnswer> answers = List.of(
                new SubmitAnswer(second, SubmitResult.unknown("TIMEOUT", "no answer in time", 3_000)),
                new SubmitAnswer(first, SubmitResult.unknown("TIMEOUT", "no answer in time", 3_000)));

        CompletableFuture<Void> recorded;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            long holderPid;
            try (PreparedStatement lock = holder.prepareStatement(
                    "select pg_backend_pid() as pid from topup_order where id = ? for update");
                 ResultSet row = query(lock, second.orderId())) {
                row.next();
                holderPid = row.getLong("pid");
            }
            recorded = CompletableFuture.runAsync(() -> outcomes.submittedAll(answers));
            CallbackOrders.eventually(Duration.ofSeconds(30), "the answers waiting for the order's lock",
                    () -> sql.queryLong("""
                            select count(*) from pg_stat_activity
                            where ?::int = any(pg_blocking_pids(pid)) and query like '%o.id = any(%for update of o%'""",
                            holderPid) > 0);
            assertFalse(recorded.isDone(), "the answers wait while another transaction holds an order");
            assertEquals("SUBMITTING|SUBMITTING", statuses(first, second), "no attempt moved before the orders were locked");
            holder.rollback();
        }
        recorded.get(30, TimeUnit.SECONDS);
        assertEquals("PROCESSING|PROCESSING", statuses(first, second));
    }

    /** An order PROCESSING with one attempt written as SUBMITTING on sim-fast (never charged: removed after the test). */
    private PlannedAttempt submitting() {
        String orderId = orders.processing("TSA", "sim-fast");
        String attemptId = AttemptIds.of(orderId, 1);
        sql.update("""
                insert into channel_attempt (id, order_id, attempt_no, channel_code, carrier, face_value, status, cost,
                                             started_at)
                values (?, ?, 1, 'sim-fast', 'CHINA_MOBILE', 1000, 'SUBMITTING', 970, now())""", attemptId, orderId);
        return new PlannedAttempt(attemptId, orderId, directory.find("sim-fast").orElseThrow(), null);
    }

    private static ResultSet query(PreparedStatement statement, String orderId) throws SQLException {
        statement.setString(1, orderId);
        return statement.executeQuery();
    }

    private String statuses(PlannedAttempt first, PlannedAttempt second) {
        return sql.queryText("""
                select string_agg(status, '|' order by id) from channel_attempt where id in (?, ?)""",
                first.attemptId(), second.attemptId());
    }
}
