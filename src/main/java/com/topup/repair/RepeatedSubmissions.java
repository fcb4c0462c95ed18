package com.topup.repair;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Earlier orders of the same merchant, phone and face value (one index range scan on the phone's hash per order). */
@ApplicationScoped
public class RepeatedSubmissions {

    private final Sql sql;

    public RepeatedSubmissions(Sql sql) {
        this.sql = sql;
    }

    /**
     * How many such orders came within {@code lookback} before this one, and the latest of them. Of two created in the
     * same millisecond (one batch), the one with the lower id came first.
     */
    public record Repeat(int earlier, String previousOrderId, Duration sincePrevious) {
    }

    /** For each of these orders that has such earlier ones, how many came within {@code lookback} and the latest. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Repeat> before(Collection<String> orderIds, Duration lookback) {
        return sql.query("""
                        select o.id as order_id, r.earlier, r.id, r.since_millis
                        from topup_order o cross join lateral (
                            select count(*) over () as earlier, p.id,
                                   extract(epoch from (o.created_at - p.created_at)) * 1000 as since_millis
                            from topup_order p
                            where p.phone_hash = o.phone_hash and p.merchant_id = o.merchant_id
                              and p.face_value = o.face_value and (p.created_at, p.id) < (o.created_at, o.id)
                              and p.created_at > o.created_at - ?::interval
                            order by p.created_at desc limit 1) r
                        where o.id = any(?)""",
                row -> Map.entry(row.getString("order_id"), new Repeat(row.getInt("earlier"), row.getString("id"),
                        Duration.ofMillis(Math.round(row.getDouble("since_millis"))))),
                lookback.toSeconds() + " seconds", orderIds.toArray(String[]::new))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
