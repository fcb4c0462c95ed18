package com.topup.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Locale;

/**
 * How an order benchmark ends: a check in PostgreSQL that every accepted order is final with its money moved exactly
 * once, and that each of their merchants' balance is what its ledger adds up to. Final includes REVIEW, where an
 * order rests until a person decides. Per order: one debit of its price; a success not refunded (or refunded and
 * re-charged again) and served by exactly one successful attempt; a failure refunded once, in full, and served by
 * none; an order held for review not refunded yet, and served at most once.
 */
final class MoneyCheck {

    private static final String ORDERS = """
            with accepted as (
                select distinct id from unnest(?::text[]) as id
            ), money as (
                select o.id, o.status, o.price,
                       count(l.id) filter (where l.kind = 'DEBIT') as debits,
                       count(l.id) filter (where l.kind = 'DEBIT' and l.amount = o.price) as exact_debits,
                       coalesce(sum(l.amount) filter (where l.kind = 'REFUND'), 0) as refunded,
                       coalesce(sum(l.amount) filter (where l.kind = 'RECHARGE'), 0) as recharged
                from accepted a join topup_order o on o.id = a.id
                left join ledger_entry l on l.order_id = o.id
                group by o.id, o.status, o.price
            ), served as (
                select m.id, count(c.id) filter (where c.status = 'SUCCEEDED') as successes
                from money m left join channel_attempt c on c.order_id = m.id
                group by m.id
            )
            select (select count(*) from accepted) as accepted,
                   count(m.id) as found,
                   count(m.id) filter (where m.status in ('SUCCEEDED', 'FAILED', 'REVIEW')) as final_orders,
                   count(m.id) filter (where m.debits = 1 and m.exact_debits = 1) as debited_once,
                   count(m.id) filter (where m.status = 'SUCCEEDED' and m.refunded = m.recharged and s.successes = 1
                                          or m.status = 'FAILED' and m.refunded = m.price and m.recharged = 0
                                             and s.successes = 0
                                          or m.status = 'REVIEW' and m.refunded = m.recharged and s.successes <= 1)
                       as settled
            from money m join served s on s.id = m.id""";

    private static final String BALANCES = """
            select count(*) as merchants,
                   count(*) filter (where b.balance = b.opening_balance + coalesce(l.net, 0)) as balanced
            from merchant_balance b
            left join (
                select merchant_id, sum(case when kind in ('CREDIT', 'REFUND') then amount else -amount end) as net
                from ledger_entry group by merchant_id
            ) l on l.merchant_id = b.merchant_id
            where b.merchant_id in (select merchant_id from topup_order where id = any(?::text[]))""";

    /** What the check found. */
    record Result(long accepted, long found, long finalOrders, long debitedOnce, long settled, long merchants,
                  long balanced) {

        boolean ok() {
            return found == accepted && finalOrders == accepted && debitedOnce == accepted && settled == accepted
                    && balanced == merchants;
        }

        String line() {
            return String.format(Locale.ROOT, "check: %d accepted orders, %d found, %d final, %d debited once at their"
                            + " price, %d settled once (a success served once and not refunded, a failure refunded in"
                            + " full, an order held for review not refunded yet); %d of %d merchant balances equal to"
                            + " their ledger -> %s", accepted, found,
                    finalOrders, debitedOnce, settled, balanced, merchants, ok() ? "OK" : "MISMATCH");
        }
    }

    private MoneyCheck() {
    }

    /** The check over the orders the benchmark saw accepted, and over the balances of their merchants. */
    static Result of(Connection db, Collection<String> acceptedOrderIds) throws SQLException {
        Array ids = db.createArrayOf("text", acceptedOrderIds.toArray());
        try (PreparedStatement orders = db.prepareStatement(ORDERS);
             PreparedStatement balances = db.prepareStatement(BALANCES)) {
            orders.setArray(1, ids);
            balances.setArray(1, ids);
            try (ResultSet o = orders.executeQuery(); ResultSet b = balances.executeQuery()) {
                o.next();
                b.next();
                return new Result(o.getLong("accepted"), o.getLong("found"), o.getLong("final_orders"),
                        o.getLong("debited_once"), o.getLong("settled"), b.getLong("merchants"), b.getLong("balanced"));
            }
        }
    }

    /** Prints the check's line; a mismatch fails the benchmark, as a failed test would. */
    static void printAndRequire(Connection db, Collection<String> acceptedOrderIds) throws SQLException {
        Result result = of(db, acceptedOrderIds);
        System.out.println(result.line());
        if (!result.ok()) {
            throw new IllegalStateException("The money check failed: " + result.line());
        }
    }
}
