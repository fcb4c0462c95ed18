package com.topup.channel.dispatch;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Read side of attempts, for staff. */
@ApplicationScoped
public class AttemptQueries {

    private final Sql sql;

    public AttemptQueries(Sql sql) {
        this.sql = sql;
    }

    @Transactional
    public List<AttemptView> ofOrder(String orderId) {
        return sql.query("""
                        select id, attempt_no, channel_code, status, channel_reference, error_class, error_code, cost,
                               rule_version, fired_rules, fallback_action, fallback_rule_version, fallback_fired_rules,
                               probe_generation is not null, query_count, started_at, finished_at, latency_ms,
                               predicted_success, best_alternative, best_alternative_predicted
                        from channel_attempt where order_id = ? order by attempt_no""",
                row -> new AttemptView(row.getString(1), row.getInt(2), row.getString(3), row.getString(4), row.getString(5),
                        row.getString(6), row.getString(7), row.getLong(8), (Integer) row.getObject(9), texts(row.getArray(10)),
                        row.getString(11), (Integer) row.getObject(12), texts(row.getArray(13)), row.getBoolean(14),
                        row.getInt(15), instant(row.getTimestamp(16)), instant(row.getTimestamp(17)),
                        (Integer) row.getObject(18), (Double) row.getObject(19), row.getString(20),
                        (Double) row.getObject(21)),
                orderId);
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
