package com.topup.common.db;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Plain JDBC for the statements on the intake hot path, where building Hibernate native queries costs more
 * than the database work. Connections come from the pool enlisted in the caller's JTA transaction.
 */
@ApplicationScoped
public class Sql {

    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs an insert, update or delete and returns the affected row count. */
    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new SqlFailure(sql, e);
        }
    }

    /** Runs a statement returning at most one long (e.g. {@code ... returning balance}); null when no row. */
    public Long queryLong(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            throw new SqlFailure(sql, e);
        }
    }

    /** Runs a query returning at most one text value; null when no row. */
    public String queryText(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new SqlFailure(sql, e);
        }
    }

    private static void bind(PreparedStatement s, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant instant) {
                s.setTimestamp(i + 1, Timestamp.from(instant));
            } else {
                s.setObject(i + 1, p);
            }
        }
    }

    /** A database error, with the statement that caused it. */
    public static class SqlFailure extends RuntimeException {
        SqlFailure(String sql, SQLException cause) {
            super(cause.getMessage() + " [" + sql.strip().lines().findFirst().orElse("") + "]", cause);
        }
    }
}
