package com.topup.merchant;

import com.topup.common.db.Sql;
import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * The prepaid balance as a ledger: every credit, debit and refund is a row beside an atomic update of
 * the balance, which a database constraint keeps from going negative.
 */
@ApplicationScoped
public class LedgerService {

    /** The largest single credit (10 billion yuan): far above any real top-up of a float, far below a balance overflow. */
    static final long MAX_CREDIT = 1_000_000_000_000L;

    private final Sql sql;

    public LedgerService(Sql sql) {
        this.sql = sql;
    }

    /** Debits an order's price inside the caller's transaction; refuses with INSUFFICIENT_BALANCE. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long debitForOrder(long merchantId, long amount, String orderId) {
        return debit(LedgerKind.DEBIT, merchantId, amount, orderId, "the price of " + amount + " fen");
    }

    /**
     * Debits several orders' prices inside the caller's transaction, in one statement: all of them, each with its
     * ledger row (balance after stepping down in list order), or none when the balance does not cover their sum.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean debitForOrders(long merchantId, List<String> orderIds, List<Long> amounts) {
        long total = amounts.stream().mapToLong(Long::longValue).sum();
        int entries = sql.update("""
                        with debited as (
                            update merchant_balance set balance = balance - ?, updated_at = now()
                            where merchant_id = ? and balance >= ? returning merchant_id, balance + ? as balance_before)
                        insert into ledger_entry (merchant_id, kind, amount, balance_after, order_id)
                        select d.merchant_id, ?, e.amount, d.balance_before - sum(e.amount) over (order by e.position),
                               e.order_id
                        from debited d cross join unnest(?::bigint[], ?::text[]) with ordinality as e(amount, order_id, position)
                        order by e.position""",
                total, merchantId, total, total, LedgerKind.DEBIT.name(), amounts.toArray(Long[]::new), orderIds.toArray(String[]::new));
        return entries == orderIds.size();
    }

    /** Returns an order's price; a second refund of the same order is refused by a unique index. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long refundOrder(long merchantId, long amount, String orderId) {
        long balanceAfter = add(merchantId, amount);
        insertEntry(merchantId, LedgerKind.REFUND, amount, balanceAfter, orderId, null);
        return balanceAfter;
    }

    /**
     * Debits a refunded order's price again (an operator found the top-up happened after all); refused with
     * INSUFFICIENT_BALANCE when the balance does not cover it, and at most once per order (a unique index).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long rechargeOrder(long merchantId, long amount, String orderId) {
        return debit(LedgerKind.RECHARGE, merchantId, amount, orderId, "the re-charge of " + amount + " fen");
    }

    /** The balance goes down and the ledger row is written in one statement, or neither when it does not cover it. */
    private long debit(LedgerKind kind, long merchantId, long amount, String orderId, String what) {
        Long balanceAfter = sql.queryLong("""
                with debited as (
                    update merchant_balance set balance = balance - ?, updated_at = now()
                    where merchant_id = ? and balance >= ? returning merchant_id, balance)
                insert into ledger_entry (merchant_id, kind, amount, balance_after, order_id)
                select merchant_id, ?, ?, balance, ? from debited returning balance_after""",
                amount, merchantId, amount, kind.name(), amount, orderId);
        if (balanceAfter == null) {
            throw new ApiException(402, "INSUFFICIENT_BALANCE", "Balance does not cover " + what,
                    Map.of("required", amount));
        }
        return balanceAfter;
    }

    @Transactional
    public long credit(long merchantId, long amount, String note) {
        if (amount <= 0 || amount > MAX_CREDIT) {
            throw new ApiException(400, "INVALID_REQUEST", "A credit must be 1 to " + MAX_CREDIT + " fen",
                    Map.of("max", MAX_CREDIT));
        }
        long balanceAfter = add(merchantId, amount);
        insertEntry(merchantId, LedgerKind.CREDIT, amount, balanceAfter, null, note);
        return balanceAfter;
    }

    @Transactional
    public long balance(long merchantId) {
        Long balance = sql.queryLong("select balance from merchant_balance where merchant_id = ?", merchantId);
        if (balance == null) {
            throw noAccount(merchantId);
        }
        return balance;
    }

    /** Proves balance = opening + credits − debits + refunds − re-charges from the ledger rows. */
    @Transactional
    public Reconciliation reconcile(long merchantId) {
        return sql.queryOne("""
                        select b.opening_balance, b.balance,
                               coalesce(sum(e.amount) filter (where e.kind = 'CREDIT'), 0) as credits,
                               coalesce(sum(e.amount) filter (where e.kind = 'DEBIT'), 0) as debits,
                               coalesce(sum(e.amount) filter (where e.kind = 'REFUND'), 0) as refunds,
                               coalesce(sum(e.amount) filter (where e.kind = 'RECHARGE'), 0) as recharges
                        from merchant_balance b left join ledger_entry e on e.merchant_id = b.merchant_id
                        where b.merchant_id = ?
                        group by b.opening_balance, b.balance""",
                row -> new Reconciliation(row.getLong("opening_balance"), row.getLong("balance"),
                        row.getLong("credits"), row.getLong("debits"), row.getLong("refunds"), row.getLong("recharges")),
                merchantId)
                .orElseThrow(() -> noAccount(merchantId));
    }

    private long add(long merchantId, long amount) {
        Long balanceAfter = sql.queryLong("""
                update merchant_balance set balance = balance + ?, updated_at = now()
                where merchant_id = ? returning balance""", amount, merchantId);
        if (balanceAfter == null) {
            throw noAccount(merchantId);
        }
        return balanceAfter;
    }

    private void insertEntry(long merchantId, LedgerKind kind, long amount, long balanceAfter, String orderId, String note) {
        sql.update("""
                insert into ledger_entry (merchant_id, kind, amount, balance_after, order_id, note)
                values (?, ?, ?, ?, ?, ?)""", merchantId, kind.name(), amount, balanceAfter, orderId, note);
    }

    private static IllegalStateException noAccount(long merchantId) {
        return new IllegalStateException("Merchant " + merchantId + " has no balance account");
    }
}
