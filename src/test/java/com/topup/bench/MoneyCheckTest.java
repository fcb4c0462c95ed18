package com.topup.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.merchant.MerchantAccountService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' closing check passes orders whose money moved once and catches each way of moving it wrongly.
 * Everything is written in one transaction that is rolled back, so no other test sees these orders.
 */
@QuarkusTest
class MoneyCheckTest {

    private static final long PRICE = 985;

    @Inject
    DataSource dataSource;
    @Inject
    MerchantAccountService accounts;

    @Test
    void ordersWhoseMoneyMovedOncePassAndEveryWayOfMovingItWronglyIsCaught() throws Exception {
        long merchant = accounts.open("money-check", "Money check", "money-check-secret-0001", 9_850, 10_000).id;
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                String succeeded = order(db, merchant, "SUCCEEDED");
                move(db, merchant, "DEBIT", PRICE, succeeded);
                attempt(db, succeeded, 1, "FAILED");
                attempt(db, succeeded, 2, "SUCCEEDED");
                String failed = order(db, merchant, "FAILED");
                move(db, merchant, "DEBIT", PRICE, failed);
                attempt(db, failed, 1, "FAILED");
                move(db, merchant, "REFUND", PRICE, failed);
                String review = order(db, merchant, "REVIEW");
                move(db, merchant, "DEBIT", PRICE, review);
                attempt(db, review, 1, "FAILED");
                List<String> ids = List.of(succeeded, failed, review);

                MoneyCheck.Result clean = MoneyCheck.of(db, ids);
                assertTrue(clean.ok(), clean.line());
                assertEquals(3, clean.accepted());
                assertEquals(1, clean.merchants());

                MoneyCheck.Result recharged = after(db, ids, () -> {
                    move(db, merchant, "REFUND", PRICE, succeeded);
                    move(db, merchant, "RECHARGE", PRICE, succeeded);
                });
                assertTrue(recharged.ok(), "a success refunded and re-charged again moved its money once: " + recharged.line());

                MoneyCheck.Result successRefunded = after(db, ids, () -> move(db, merchant, "REFUND", PRICE, succeeded));
                assertEquals(2, successRefunded.settled(), successRefunded.line());
                assertEquals(1, successRefunded.balanced(), "the balance follows its ledger: " + successRefunded.line());

                MoneyCheck.Result failureKept = after(db, ids, () -> {
                    update(db, "delete from ledger_entry where order_id = ? and kind = 'REFUND'", failed);
                    update(db, "update merchant_balance set balance = balance - " + PRICE + " where merchant_id = ?", merchant);
                });
                assertEquals(2, failureKept.settled(), failureKept.line());

                MoneyCheck.Result servedTwice = after(db, ids, () -> attempt(db, succeeded, 3, "SUCCEEDED"));
                assertEquals(2, servedTwice.settled(), servedTwice.line());

                MoneyCheck.Result reviewRefunded = after(db, ids, () -> move(db, merchant, "REFUND", PRICE, review));
                assertEquals(2, reviewRefunded.settled(), reviewRefunded.line());

                MoneyCheck.Result wrongDebit = after(db, ids, () -> update(db,
                        "update ledger_entry set amount = amount - 1 where order_id = ? and kind = 'DEBIT'", succeeded));
                assertEquals(2, wrongDebit.debitedOnce(), wrongDebit.line());

                MoneyCheck.Result notFinal = after(db, ids, () -> update(db,
                        "update topup_order set status = 'PROCESSING' where id = ?", succeeded));
                assertEquals(2, notFinal.finalOrders(), notFinal.line());

                MoneyCheck.Result offBalance = after(db, ids, () -> update(db,
                        "update merchant_balance set balance = balance + 1 where merchant_id = ?", merchant));
                assertEquals(0, offBalance.balanced(), offBalance.line());

                List<String> withLost = new ArrayList<>(ids);
                withLost.add("TMC-never-stored");
                MoneyCheck.Result lost = MoneyCheck.of(db, withLost);
                assertEquals(4, lost.accepted());
                assertEquals(3, lost.found(), lost.line());

                for (MoneyCheck.Result wrong : List.of(successRefunded, failureKept, servedTwice, reviewRefunded, wrongDebit,
                        notFinal, offBalance, lost)) {
                    assertFalse(wrong.ok(), wrong.line());
                    assertTrue(wrong.line().endsWith("MISMATCH"), wrong.line());
                }
            } finally {
                db.rollback();
            }
        }
    }

    private interface Change {
        void apply() throws SQLException;
    }

    /** The check after a change, which is then undone. */
    private static MoneyCheck.Result after(Connection db, List<String> ids, Change change) throws SQLException {
        Savepoint before = db.setSavepoint();
        try {
            change.apply();
            return MoneyCheck.of(db, ids);
        } finally {
            db.rollback(before);
        }
    }

    private static String order(Connection db, long merchant, String status) throws SQLException {
        String id = "TMC" + System.nanoTime();
        update(db, """
                insert into topup_order (id, merchant_id, merchant_order_id, phone_cipher, phone_hash, phone_masked,
                                         country, carrier, face_value, price, status, attempt_count, channel_code,
                                         created_at, updated_at)
                values (?, ?, ?, '\\x00', ?, '138****8000', 'CN', 'CHINA_MOBILE', 1000, ?, ?, 1, 'sim-fast', now(), now())""",
                id, merchant, id, id, PRICE, status);
        return id;
    }

    /** Without finished_at, so the health tallies' triggers leave it out and no shared tally row is locked. */
    private static void attempt(Connection db, String orderId, int number, String status) throws SQLException {
        update(db, """
                insert into channel_attempt (id, order_id, attempt_no, channel_code, carrier, face_value, status, cost,
                                             started_at)
                values (?, ?, ?, 'sim-fast', 'CHINA_MOBILE', 1000, ?, 970, now())""",
                orderId + "-" + number, orderId, number, status);
    }

    /** A ledger row and the balance it leaves, as the ledger writes them. */
    private static void move(Connection db, long merchant, String kind, long amount, String orderId) throws SQLException {
        long signed = kind.equals("DEBIT") || kind.equals("RECHARGE") ? -amount : amount;
        long balanceAfter;
        try (PreparedStatement s = db.prepareStatement(
                "update merchant_balance set balance = balance + ? where merchant_id = ? returning balance")) {
            s.setLong(1, signed);
            s.setLong(2, merchant);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                balanceAfter = row.getLong("balance");
            }
        }
        update(db, """
                insert into ledger_entry (merchant_id, kind, amount, balance_after, order_id, note)
                values (?, ?, ?, ?, ?, 'money check test')""", merchant, kind, amount, balanceAfter, orderId);
    }

    private static void update(Connection db, String statement, Object... values) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
