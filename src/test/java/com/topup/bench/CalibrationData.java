package com.topup.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * A week of channel attempts as dispatch writes them, in the order they start: 10 channels (ch-00 takes a quarter of
 * the traffic, ch-09 a fourteenth), 4 carriers (mobile 5/12, unicom and telecom 3/12 each, broadnet 1/12), the
 * prediction routing recorded on every attempt (0.93–0.985 by channel, ±0.04), about 97 % of attempts succeeding
 * as predicted, a second attempt on another channel after a failure, the last 20 seconds still open. Loaded with
 * replication role "replica" (no foreign-key checks, no triggers: no orders are generated; the roll-up catches up
 * afterwards as it would after an upgrade), then vacuumed and analysed.
 */
final class CalibrationData {

    static final String[] CHANNELS = {"ch-00", "ch-01", "ch-02", "ch-03", "ch-04", "ch-05", "ch-06", "ch-07", "ch-08", "ch-09"};
    static final Duration SPAN = Duration.ofDays(7);
    private static final int ORDERS_PER_BATCH = 250_000;

    private static final String ATTEMPTS = """
            insert into channel_attempt (id, order_id, attempt_no, channel_code, carrier, face_value, status, rule_version,
                fired_rules, channel_reference, error_class, error_code, cost, started_at, finished_at, latency_ms,
                query_count, predicted_success, best_alternative, best_alternative_predicted, version)
            select order_id || '-' || attempt_no, order_id, attempt_no, channel_code, carrier, 10000,
                   case when open then 'PROCESSING' when ok then 'SUCCEEDED' else 'FAILED' end, 3,
                   array['prefer-reliable', 'cheapest-first'], 'R' || md5(order_id || attempt_no),
                   case when not open and not ok then (array['REJECTED', 'TIMEOUT', 'CHANNEL_ERROR'])[1 + attempt_no] end,
                   case when not open and not ok then 'E42' end, 9750, started,
                   case when not open then started + latency * interval '1 millisecond' end,
                   case when not open then latency end, 1, predicted,
                   'ch-0' || ((attempt_no * 3 + length(order_id)) % 10), predicted - 0.01, 2
            from (
                with o as (
                    select j, ?::timestamptz + (j - 1) * (?::bigint * interval '1 microsecond') as created,
                           (array['CHINA_MOBILE', 'CHINA_MOBILE', 'CHINA_MOBILE', 'CHINA_MOBILE', 'CHINA_MOBILE',
                                  'CHINA_UNICOM', 'CHINA_UNICOM', 'CHINA_UNICOM', 'CHINA_TELECOM', 'CHINA_TELECOM',
                                  'CHINA_TELECOM', 'CHINA_BROADNET'])[1 + (j * 7) % 12] as carrier,
                           least(9, floor(10 * power(random(), 1.5)))::int as c1, random() as n1, random() as n2,
                           random() as r1, random() as r2, random() as l1, random() as l2
                    from generate_series(?::bigint, ?::bigint) j
                ), p as (
                    select o.*, 'T' || lpad(j::text, 12, '0') as order_id,
                           least(0.999, greatest(0.2, 0.985 - 0.006 * c1 + (n1 - 0.5) * 0.08)) as p1,
                           (c1 + 1 + j % 3) % 10 as c2
                    from o
                )
                select order_id, 1 as attempt_no, 'ch-0' || c1 as channel_code, carrier,
                       created + interval '30 milliseconds' as started, (150 + least(60000, -ln(l1) * 900))::int as latency,
                       r1 < p1 + 0.01 as ok, p1 as predicted, created > ?::timestamptz - interval '20 seconds' as open
                from p
                union all
                select order_id, 2, 'ch-0' || c2, carrier, created + (250 + least(60000, -ln(l1) * 900)) * interval '1 millisecond',
                       (150 + least(60000, -ln(l2) * 900))::int, r2 < 0.985 - 0.006 * c2 + (n2 - 0.5) * 0.08,
                       least(0.999, greatest(0.2, 0.985 - 0.006 * c2 + (n2 - 0.5) * 0.08)), false
                from p where not (r1 < p1 + 0.01) and created <= ?::timestamptz - interval '180 seconds'
                order by started
            ) a""";

    private CalibrationData() {
    }

    /** About {@code attempts} attempts that started in the week before {@code end}; returns how many. */
    static long generate(Connection c, long attempts, Instant end) throws Exception {
        long orders = Math.round(attempts / 1.03);
        long stepMicros = SPAN.toNanos() / 1000 / orders;
        Timestamp start = Timestamp.from(end.minus(SPAN));
        try (Statement s = c.createStatement()) {
            s.execute("select setseed(0.13)");
            s.execute("set session_replication_role = replica");
            for (String code : CHANNELS) {
                s.execute("""
                        insert into channel (code, name, protocol, base_url, secret_cipher, carriers, cost_rate_bp, capacity,
                                             updated_at)
                        values ('%s', 'Channel %s', 'json-hmac', 'http://127.0.0.1:1/', '\\x00'::bytea,
                                array['CHINA_MOBILE','CHINA_UNICOM','CHINA_TELECOM','CHINA_BROADNET'], 9750, 100, now())"""
                        .formatted(code, code));
            }
            try (PreparedStatement insert = c.prepareStatement(ATTEMPTS)) {
                for (long first = 1; first <= orders; first += ORDERS_PER_BATCH) {
                    long last = Math.min(orders, first + ORDERS_PER_BATCH - 1);
                    insert.setTimestamp(1, start);
                    insert.setLong(2, stepMicros);
                    insert.setLong(3, first);
                    insert.setLong(4, last);
                    insert.setTimestamp(5, Timestamp.from(end));
                    insert.setTimestamp(6, Timestamp.from(end));
                    insert.executeUpdate();
                    System.out.printf("  orders %,d of %,d%n", last, orders);
                }
            }
            s.execute("set session_replication_role = origin");
            s.execute("vacuum analyze channel_attempt");
            s.execute("analyze channel");
            try (var r = s.executeQuery("select count(*) from channel_attempt")) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
