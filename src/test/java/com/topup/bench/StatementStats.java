package com.topup.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statements PostgreSQL ran for the app during a phase, from pg_stat_statements (preloaded by the local
 * PostgreSQL): calls and server time per order for the costliest, so a benchmark shows the round trips an order
 * takes and which of them weigh.
 */
public final class StatementStats {

    private static final String TRANSACTIONS =
            "select xact_commit + xact_rollback from pg_stat_database where datname = current_database()";

    private final Connection db;
    private final boolean available;
    private long transactionsAtReset;

    public StatementStats(Connection db) {
        this.db = db;
        this.available = create(db);
    }

    /** Forgets what was counted so far: the next report covers only what follows. */
    public void reset() throws SQLException {
        if (available) {
            try (Statement s = db.createStatement()) {
                s.execute("select pg_stat_statements_reset()");
            }
        }
        transactionsAtReset = transactions();
    }

    /** Transactions committed or rolled back in the app's database so far (its statistics are flushed within 1 s). */
    private long transactions() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rows = s.executeQuery(TRANSACTIONS)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The {@code top} statements by server time, and the totals, per order. */
    public List<String> report(long orders, int top) throws SQLException {
        List<String> lines = new ArrayList<>();
        if (!available) {
            lines.add("statements: pg_stat_statements is not loaded in this PostgreSQL");
            return lines;
        }
        String database = "(select oid from pg_database where datname = current_database())";
        try (Statement s = db.createStatement()) {
            try (ResultSet totals = s.executeQuery("select coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0) "
                    + "from pg_stat_statements where dbid = " + database + " and query not ilike '%pg_stat_statements%'")) {
                totals.next();
                lines.add(String.format(Locale.ROOT,
                        "statements: %.1f per order, %.2f ms of server time per order; transactions: %.1f per order",
                        totals.getLong(1) / (double) Math.max(1, orders), totals.getDouble(2) / Math.max(1, orders),
                        (transactions() - transactionsAtReset) / (double) Math.max(1, orders)));
            }
            try (ResultSet rows = s.executeQuery("select calls, total_exec_time, rows, "
                    + "regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements where dbid = " + database
                    + " and query not ilike '%pg_stat_statements%' order by total_exec_time desc limit " + top)) {
                while (rows.next()) {
                    String query = rows.getString(4);
                    lines.add(String.format(Locale.ROOT, "  %6.2f calls/order %7.3f ms/order %6.3f ms/call  %s",
                            rows.getLong(1) / (double) Math.max(1, orders), rows.getDouble(2) / Math.max(1, orders),
                            rows.getDouble(2) / Math.max(1, rows.getLong(1)),
                            query.length() > 150 ? query.substring(0, 150) + "…" : query));
                }
            }
        }
        return lines;
    }

    private static boolean create(Connection db) {
        try (Statement s = db.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.executeQuery("select 1 from pg_stat_statements limit 1").close();
            return true;
        } catch (SQLException notLoaded) {
            return false;
        }
    }
}
