package com.topup.channel.health;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

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

    private final Sql sql;

    CircuitStore(Sql sql) {
        this.sql = sql;
    }

    /** The channel's circuit, locked until the caller's transaction ends; empty when it has no row (CLOSED). */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<CircuitRecord> lock(String channelCode) {
        return sql.queryOne("select " + CircuitRows.COLUMNS + " from channel_circuit cc where cc.channel_code = ? for update",
                row -> CircuitRows.read(row, channelCode), channelCode);
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
        return sql.update(INSERT, next.channelCode(), next.state().name(), next.changedAt(), next.reason(),
                next.countingSince(), next.probesInFlight(), next.probeSuccesses(), next.probeChangedAt(),
                next.generation(), next.version()) == 1;
    }

    private boolean update(CircuitRecord expected, CircuitRecord next) {
        return sql.update(UPDATE, next.state().name(), next.changedAt(), next.reason(), next.countingSince(),
                next.probesInFlight(), next.probeSuccesses(), next.probeChangedAt(), next.generation(), next.version(),
                next.channelCode(), expected.state().name(), expected.version()) == 1;
    }
}
