package com.topup.channel.health;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code channel_circuit} rows. Every write is guarded by the version the caller read, so of two instances
 * acting on the same figures exactly one changes the row; a change of state is written to the transition history
 * in the same transaction.
 */
@ApplicationScoped
class CircuitStore {

    private static final String INSERT = """
            insert into channel_circuit (channel_code, state, changed_at, reason, counting_since, probes_in_flight,
                                         probe_successes, probe_changed_at, generation, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (channel_code) do nothing""";
    private static final String UPDATE = """
            update channel_circuit
            set state = ?, changed_at = ?, reason = ?, counting_since = ?, probes_in_flight = ?, probe_successes = ?,
                probe_changed_at = ?, generation = ?, version = ?
            where channel_code = ? and state = ? and version = ?""";
    private static final String HISTORY = """
            insert into channel_circuit_transition (channel_code, from_state, to_state, reason, actor, at)
            values (?, ?, ?, ?, ?, ?)""";

    private final DataSource dataSource;
    private final Sql sql;

    CircuitStore(DataSource dataSource, Sql sql) {
        this.dataSource = dataSource;
        this.sql = sql;
    }

    /** The channel's circuit, locked until the caller's transaction ends; empty when it has no row (CLOSED). */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<CircuitRecord> lock(String channelCode) {
        String select = "select " + CircuitRows.COLUMNS + " from channel_circuit cc where cc.channel_code = ? for update";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(select)) {
            s.setString(1, channelCode);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(CircuitRows.read(rs, channelCode)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the circuit of " + channelCode + " failed", e);
        }
    }

    /**
     * Replaces {@code expected} by {@code next} if nobody changed the row since {@code expected} was read.
     *
     * @return whether this call made the change
     */
    @Transactional
    boolean write(CircuitRecord expected, CircuitRecord next, String actor) {
        boolean written = expected.stored() ? update(expected, next) : insert(next);
        if (written && expected.state() != next.state()) {
            sql.update(HISTORY, next.channelCode(), expected.state().name(), next.state().name(), next.reason(), actor,
                    next.changedAt());
        }
        return written;
    }

    private boolean insert(CircuitRecord next) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, next.channelCode());
            bindState(s, 2, next);
            s.setInt(10, next.version());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Creating the circuit of " + next.channelCode() + " failed", e);
        }
    }

    private boolean update(CircuitRecord expected, CircuitRecord next) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UPDATE)) {
            bindState(s, 1, next);
            s.setInt(9, next.version());
            s.setString(10, next.channelCode());
            s.setString(11, expected.state().name());
            s.setInt(12, expected.version());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Updating the circuit of " + next.channelCode() + " failed", e);
        }
    }

    /** Binds state, changed_at, reason, counting_since, probes_in_flight, probe_successes, probe_changed_at, generation. */
    private static void bindState(PreparedStatement s, int first, CircuitRecord next) throws SQLException {
        s.setString(first, next.state().name());
        CircuitRows.bindInstant(s, first + 1, next.changedAt());
        s.setString(first + 2, next.reason());
        CircuitRows.bindInstant(s, first + 3, next.countingSince());
        s.setInt(first + 4, next.probesInFlight());
        s.setInt(first + 5, next.probeSuccesses());
        CircuitRows.bindInstant(s, first + 6, next.probeChangedAt());
        s.setLong(first + 7, next.generation());
    }
}
