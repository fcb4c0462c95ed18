package com.topup.channel.health;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reading {@code channel_circuit} columns and binding UTC instants. */
final class CircuitRows {

    /** The circuit columns, for a select over {@code channel_circuit} aliased {@code cc}. */
    static final String COLUMNS = "cc.state, cc.changed_at, cc.reason, cc.counting_since, cc.probes_in_flight, "
            + "cc.probe_successes, cc.probe_changed_at, cc.generation, cc.version";

    private CircuitRows() {
    }

    /** The circuit of {@code channelCode} from the current row; the implied CLOSED circuit when its columns are null. */
    static CircuitRecord read(ResultSet rs, String channelCode) throws SQLException {
        String state = rs.getString("state");
        if (state == null) {
            return CircuitRecord.closedWithoutRow(channelCode);
        }
        return new CircuitRecord(channelCode, CircuitState.valueOf(state), instant(rs, "changed_at"), rs.getString("reason"),
                instant(rs, "counting_since"), rs.getInt("probes_in_flight"), rs.getInt("probe_successes"),
                instant(rs, "probe_changed_at"), rs.getLong("generation"), rs.getInt("version"), true);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static void bindInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }
}
