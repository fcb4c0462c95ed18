package com.topup.channel.health;

import com.topup.common.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reading {@code channel_circuit} columns. */
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
        return new CircuitRecord(channelCode, CircuitState.valueOf(state), Sql.instant(rs, "changed_at"), rs.getString("reason"),
                Sql.instant(rs, "counting_since"), rs.getInt("probes_in_flight"), rs.getInt("probe_successes"),
                Sql.instant(rs, "probe_changed_at"), rs.getLong("generation"), rs.getInt("version"), true);
    }
}
