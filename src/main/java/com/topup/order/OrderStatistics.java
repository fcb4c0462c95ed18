package com.topup.order;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Orders per minute by final state and their time to final state, for the operators' dashboard. */
@ApplicationScoped
public class OrderStatistics {

    private final Sql sql;

    public OrderStatistics(Sql sql) {
        this.sql = sql;
    }

    /**
     * One entry per minute in [from, to), also for minutes without orders. An order counts in the minute it reached
     * SUCCEEDED or FAILED, or (REVIEW) the minute it was last updated; time to final is from acceptance.
     */
    @Transactional
    public List<MinuteFigures> perMinute(Instant from, Instant to) {
        Instant start = from.truncatedTo(ChronoUnit.MINUTES);
        Map<Instant, MinuteFigures> found = new HashMap<>();
        sql.query("""
                        select date_trunc('minute', coalesce(finished_at, updated_at)) as minute,
                               count(*) filter (where status = 'SUCCEEDED') as succeeded,
                               count(*) filter (where status = 'FAILED') as failed,
                               count(*) filter (where status = 'REVIEW') as review,
                               percentile_cont(0.5) within group (order by extract(epoch from finished_at - created_at) * 1000)
                                   filter (where finished_at is not null) as p50,
                               percentile_cont(0.95) within group (order by extract(epoch from finished_at - created_at) * 1000)
                                   filter (where finished_at is not null) as p95
                        from topup_order
                        where status in ('SUCCEEDED', 'FAILED', 'REVIEW')
                          and coalesce(finished_at, updated_at) >= ? and coalesce(finished_at, updated_at) < ?
                        group by 1""",
                row -> {
                    Instant minute = Sql.instant(row, "minute");
                    found.put(minute, figures(minute, row.getLong("succeeded"), row.getLong("failed"), row.getLong("review"),
                            Sql.nullableDouble(row, "p50"), Sql.nullableDouble(row, "p95")));
                    return minute;
                },
                Timestamp.from(start), Timestamp.from(to));
        List<MinuteFigures> minutes = new ArrayList<>();
        for (Instant minute = start; minute.isBefore(to); minute = minute.plus(1, ChronoUnit.MINUTES)) {
            minutes.add(found.getOrDefault(minute, figures(minute, 0, 0, 0, null, null)));
        }
        return minutes;
    }

    /** Orders not yet final, by status (PENDING, PROCESSING, REVIEW), with zero for an empty status. */
    @Transactional
    public Map<String, Long> open() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : List.of("PENDING", "PROCESSING", "REVIEW")) {
            counts.put(status, 0L);
        }
        sql.query("""
                        select status, count(*) as orders from topup_order
                        where status in ('PENDING', 'PROCESSING', 'REVIEW') group by status""",
                row -> counts.put(row.getString("status"), row.getLong("orders")));
        return counts;
    }

    private static MinuteFigures figures(Instant minute, long succeeded, long failed, long review, Double p50, Double p95) {
        long finished = succeeded + failed;
        Double rate = finished == 0 ? null : (double) succeeded / finished;
        return new MinuteFigures(minute, succeeded, failed, review, rate, p50 == null ? null : Math.round(p50),
                p95 == null ? null : Math.round(p95));
    }

    /**
     * @param successRate         succeeded / (succeeded + failed) of the minute; null without final orders
     * @param timeToFinalP50Millis median time from acceptance to SUCCEEDED or FAILED; null without final orders
     */
    public record MinuteFigures(Instant minute, long succeeded, long failed, long review, Double successRate,
                                Long timeToFinalP50Millis, Long timeToFinalP95Millis) {
    }
}
