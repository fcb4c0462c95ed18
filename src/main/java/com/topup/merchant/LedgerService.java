package com.topup.merchant;

import com.topup.common.db.Sql;
import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * The prepaid balance as a ledger: every credit, debit and refund is a row beside an atomic update of
 * the balance, which a database constraint keeps from going negative.
 */
@ApplicationScoped
public class LedgerService {

    private final EntityManager em;
    private final Sql sql;

    public LedgerService(EntityManager em, Sql sql) {
        this.em = em;
        this.sql = sql;
    }

    /** Debits an order's price inside the caller's transaction; refuses with INSUFFICIENT_BALANCE. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long debitForOrder(long merchantId, long amount, String orderId) {
        return debit(LedgerKind.DEBIT, merchantId, amount, orderId, "the price of " + amount + " fen");
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
        if (amount <= 0) {
            throw new ApiException(400, "INVALID_REQUEST", "A credit must be a positive number of fen");
        }
        long balanceAfter = add(merchantId, amount);
        insertEntry(merchantId, LedgerKind.CREDIT, amount, balanceAfter, null, note);
        return balanceAfter;
    }

    @Transactional
    public long balance(long merchantId) {
        Object value = em.createNativeQuery("select balance from merchant_balance where merchant_id = ?1")
                .setParameter(1, merchantId)
                .getSingleResult();
        return ((Number) value).longValue();
    }

    /** Proves balance = opening + credits − debits + refunds − re-charges from the ledger rows. */
    @Transactional
    public Reconciliation reconcile(long merchantId) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select b.opening_balance, b.balance,
                               coalesce(sum(e.amount) filter (where e.kind = 'CREDIT'), 0),
                               coalesce(sum(e.amount) filter (where e.kind = 'DEBIT'), 0),
                               coalesce(sum(e.amount) filter (where e.kind = 'REFUND'), 0),
                               coalesce(sum(e.amount) filter (where e.kind = 'RECHARGE'), 0)
                        from merchant_balance b left join ledger_entry e on e.merchant_id = b.merchant_id
                        where b.merchant_id = ?1
                        group by b.opening_balance, b.balance""")
                .setParameter(1, merchantId)
                .getSingleResult();
        return new Reconciliation(num(row[0]), num(row[1]), num(row[2]), num(row[3]), num(row[4]), num(row[5]));
    }

    private long add(long merchantId, long amount) {
        List<?> after = em.createNativeQuery("""
                        update merchant_balance set balance = balance + ?1, updated_at = now()
                        where merchant_id = ?2 returning balance""")
                .setParameter(1, amount)
                .setParameter(2, merchantId)
                .getResultList();
        if (after.isEmpty()) {
            throw new IllegalStateException("Merchant " + merchantId + " has no balance account");
        }
        return ((Number) after.get(0)).longValue();
    }

    private void insertEntry(long merchantId, LedgerKind kind, long amount, long balanceAfter, String orderId, String note) {
        em.createNativeQuery("""
                        insert into ledger_entry (merchant_id, kind, amount, balance_after, order_id, note)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, merchantId)
                .setParameter(2, kind.name())
                .setParameter(3, amount)
                .setParameter(4, balanceAfter)
                .setParameter(5, orderId)
                .setParameter(6, note)
                .executeUpdate();
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }
}
