package com.topup.repair;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;

/** Earlier orders of the same merchant, phone and face value (one index range scan on the phone's hash). */
@ApplicationScoped
public class RepeatedSubmissions {

    private final Sql sql;

    public RepeatedSubmissions(Sql sql) {
        this.sql = sql;
    }

    /** How many such orders came within {@code lookback} before this one, and the latest of them. */
    public record Repeat(int earlier, String previousOrderId, Duration sincePrevious) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Repeat> before(String orderId, Duration lookback) {
        return sql.queryOne("""
                        select count(*) over () as earlier, p.id,
                               extract(epoch from (o.created_at - p.created_at)) * 1000 as since_millis
                        from topup_order o join topup_order p
                          on p.phone_hash = o.phone_hash and p.merchant_id = o.merchant_id and p.face_value = o.face_value
                        where o.id = ? and p.id <> o.id
                          and p.created_at <= o.created_at and p.created_at > o.created_at - ?::interval
                        order by p.created_at desc limit 1""",
                row -> new Repeat(row.getInt("earlier"), row.getString("id"),
                        Duration.ofMillis(Math.round(row.getDouble("since_millis")))),
                orderId, lookback.toSeconds() + " seconds");
    }
}
