package com.topup.channel.dispatch;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.TreeMap;
import java.util.Map;

/** How many anomalies wait for a person, by kind, for the operators' dashboard. */
@ApplicationScoped
public class AnomalyStatistics {

    private final Sql sql;

    public AnomalyStatistics(Sql sql) {
        this.sql = sql;
    }

    @Transactional
    public Map<String, Long> openByKind() {
        Map<String, Long> counts = new TreeMap<>();
        sql.query("select kind, count(*) from anomaly where status = 'OPEN' group by kind",
                row -> counts.put(row.getString(1), row.getLong(2)));
        return counts;
    }
}
