package com.topup.channel.dispatch;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.SQLException;
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
                               probe_generation is not null as probe, query_count, started_at, finished_at, latency_ms,
                               predicted_success, best_alternative, best_alternative_predicted
                        from channel_attempt where order_id = ? order by attempt_no""",
                row -> new AttemptView(row.getString("id"), row.getInt("attempt_no"), row.getString("channel_code"),
                        row.getString("status"), row.getString("channel_reference"), row.getString("error_class"),
                        row.getString("error_code"), row.getLong("cost"), Sql.nullableInt(row, "rule_version"),
                        texts(row.getArray("fired_rules")), row.getString("fallback_action"),
                        Sql.nullableInt(row, "fallback_rule_version"), texts(row.getArray("fallback_fired_rules")),
                        row.getBoolean("probe"), row.getInt("query_count"), Sql.instant(row, "started_at"),
                        Sql.instant(row, "finished_at"), Sql.nullableInt(row, "latency_ms"),
                        Sql.nullableDouble(row, "predicted_success"), row.getString("best_alternative"),
                        Sql.nullableDouble(row, "best_alternative_predicted")),
                orderId);
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
