package com.topup.common.db;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain JDBC for the statements on the intake hot path, where building Hibernate native queries costs more
 * than the database work. Connections come from the pool enlisted in the caller's JTA transaction. Row mappers
 * read columns by label, never by position, so a column added to a select list cannot shift a mapping.
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

    /**
     * Runs one insert, update or delete for each row of parameters as a JDBC batch (one round trip for them all) and
     * returns each row's affected count.
     */
    public int[] batch(String sql, List<Object[]> rows) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (Object[] params : rows) {
                bind(s, params);
                s.addBatch();
            }
            return s.executeBatch();
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

    /** Reads one row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** The column as an instant, or null when it is SQL null. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** The column as a Long, or null when it is SQL null. */
    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** The column as an Integer, or null when it is SQL null. */
    public static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    /** The column as a Double, or null when it is SQL null. */
    public static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    /** Runs a query and maps every row. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new SqlFailure(sql, e);
        }
    }

    /** Runs a query expected to give at most one row. */
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
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
            } else if (p instanceof String[] texts) {
                s.setArray(i + 1, s.getConnection().createArrayOf("text", texts));
            } else if (p instanceof Long[] numbers) {
                s.setArray(i + 1, s.getConnection().createArrayOf("bigint", numbers));
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
