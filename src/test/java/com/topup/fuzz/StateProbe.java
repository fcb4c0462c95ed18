package com.topup.fuzz;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads, straight from the database, what a refused request must not have changed. */
final class StateProbe {

    /**
     * What only a merchant's own request (orders, debits) or a staff member (credits) changes. Refunds are left out:
     * the platform makes them on its own when an order accepted earlier fails.
     */
    record MerchantState(long orders, long debits, long debited, long credits) {
    }

    private final Connection db;
    private final String merchant;

    StateProbe(Connection db, String merchant) {
        this.db = db;
        this.merchant = merchant;
    }

    MerchantState merchant() {
        return query("""
                select (select count(*) from topup_order o where o.merchant_id = m.id),
                       (select count(*) from ledger_entry l where l.merchant_id = m.id and l.kind = 'DEBIT'),
                       (select coalesce(sum(amount), 0) from ledger_entry l where l.merchant_id = m.id and l.kind = 'DEBIT'),
                       (select count(*) from ledger_entry l where l.merchant_id = m.id and l.kind = 'CREDIT')
                from merchant m where m.code = ?""",
                rs -> new MerchantState(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), merchant);
    }

    long lastAuditId() {
        return query("select coalesce(max(id), 0) from audit_event", rs -> rs.getLong(1));
    }

    long auditEntriesBy(String actor, long afterId) {
        return query("select count(*) from audit_event where id > ? and actor = ?", rs -> rs.getLong(1), afterId, actor);
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Row<T> row, Object... args) {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No row for " + sql);
                }
                return row.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
