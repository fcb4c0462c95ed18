package com.topup.bench;

import com.topup.common.db.Sql;
import com.topup.devenv.LocalPostgres;
import com.topup.order.OrderCursor;
import com.topup.order.OrderPage;
import com.topup.order.OrderSearch;
import com.topup.order.OrderStatus;
import com.topup.order.StaffOrderQueries;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The staff order search on a generated table (default 1,000,000 orders over 30 days, 8 merchants, 4 carriers and
 * channels, 200,000 phones, 0.5 % with an anomaly) in a throwaway PostgreSQL with the app's own schema: for each
 * filter the first page and the 20th page (following cursors) of 50, their times, the ratio to a primary-key look-up
 * of one order measured in the same run, and the index the database used. Run with bin/bench search [orders].
 */
public final class SearchBench {

    private static final int ROUNDS = 30;

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (LocalPostgres postgres = MigratedPostgres.start("search-bench");
             Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
            long start = System.nanoTime();
            generate(connection, orders);
            System.out.printf("Search benchmark: %,d orders generated and analysed in %.0f s; %d cores, Java %s%n",
                    orders, (System.nanoTime() - start) / 1e9, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            StaffOrderQueries queries = new StaffOrderQueries(new Sql(new OneConnection(connection)), null);
            Fixture fixture = Fixture.read(connection);
            double baseline = median(() -> {
                queries.current(fixture.anyOrder());
                return null;
            });
            System.out.printf("baseline: one order by primary key %.2f ms (median of %d)%n", baseline, ROUNDS);
            System.out.printf("%-34s %10s %10s %8s  %s%n", "filter", "page 1 ms", "page 20 ms", "ratio", "index used");
            Map<String, OrderSearch> filters = new java.util.LinkedHashMap<>();
            filters.put("none (newest first)", search(null, null, null, null, null, null, null, null));
            filters.put("status=REVIEW", search(OrderStatus.REVIEW, null, null, null, null, null, null, null));
            filters.put("status=SUCCEEDED", search(OrderStatus.SUCCEEDED, null, null, null, null, null, null, null));
            filters.put("merchant", search(null, fixture.merchantId(), null, null, null, null, null, null));
            filters.put("merchant + merchantOrderId", search(null, fixture.merchantId(), fixture.merchantOrderId(), null, null, null, null, null));
            filters.put("merchantOrderId alone", search(null, null, fixture.merchantOrderId(), null, null, null, null, null));
            filters.put("phone", search(null, null, null, fixture.phoneHash(), null, null, null, null));
            filters.put("carrier=CHINA_BROADNET", search(null, null, null, null, "CHINA_BROADNET", null, null, null));
            filters.put("channel=sim-flaky", search(null, null, null, null, null, "sim-flaky", null, null));
            filters.put("anomaly=STUCK_PROCESSING", search(null, null, null, null, null, null, "STUCK_PROCESSING", null));
            filters.put("last 24 h", search(null, null, null, null, null, null, null, Instant.now().minusSeconds(86_400)));
            filters.put("merchant + status=FAILED", search(OrderStatus.FAILED, fixture.merchantId(), null, null, null, null, null, null));
            for (Map.Entry<String, OrderSearch> filter : filters.entrySet()) {
                Map<String, Long> before = indexScans(connection);
                double first = median(() -> queries.search(filter.getValue()));
                String used = usedIndexes(before, indexScans(connection));
                double deep = median(() -> page(queries, filter.getValue(), 20));
                System.out.printf("%-34s %10.2f %10.2f %8.1f  %s%n", filter.getKey(), first, deep, first / baseline, used);
            }
        }
    }

    private static OrderSearch search(OrderStatus status, Long merchant, String merchantOrderId, String phoneHash,
                                      String carrier, String channel, String anomaly, Instant from) {
        return new OrderSearch(status, merchant, merchantOrderId, phoneHash, carrier, channel, anomaly, from, null, null, 50);
    }

    /** The n-th page, following the cursors from the first. */
    private static OrderPage page(StaffOrderQueries queries, OrderSearch search, int n) {
        OrderPage page = queries.search(search);
        for (int i = 1; i < n && page.nextCursor() != null; i++) {
            OrderCursor cursor = OrderCursor.decode(page.nextCursor()).orElseThrow();
            page = queries.search(new OrderSearch(search.status(), search.merchantId(), search.merchantOrderId(),
                    search.phoneHash(), search.carrier(), search.channel(), search.anomalyKind(), search.from(), search.to(),
                    cursor, search.limit()));
        }
        return page;
    }

    private static double median(Supplier<?> work) {
        work.get();
        double[] millis = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[ROUNDS / 2];
    }

    private static void generate(Connection c, int orders) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    insert into merchant (code, name, secret_cipher, status, price_rate_bp, tier, created_at)
                    select 'bench-' || i, 'Bench ' || i, '\\x00'::bytea, 'ACTIVE', 9850, 'STANDARD', now()
                    from generate_series(1, 8) i""");
            s.execute("insert into merchant_balance (merchant_id, opening_balance, balance) select id, 0, 0 from merchant");
            int batch = 100_000;
            for (int from = 0; from < orders; from += batch) {
                s.execute(String.format("""
                        insert into topup_order (id, merchant_id, merchant_order_id, phone_cipher, phone_hash, phone_masked,
                            country, carrier, province, face_value, price, status, failure_code, created_at, updated_at,
                            finished_at, channel_code, attempt_count)
                        select 'T' || lpad(i::text, 12, '0'),
                               (select min(id) from merchant) + (i %% 8),
                               'B-' || i,
                               '\\x00'::bytea,
                               md5('phone-' || (i::bigint * 7919 %% 200000)),
                               '138****' || lpad((i %% 10000)::text, 4, '0'),
                               'CN',
                               (array['CHINA_MOBILE','CHINA_MOBILE','CHINA_UNICOM','CHINA_TELECOM','CHINA_BROADNET'])[1 + i %% 5],
                               '广东', 10000, 9850,
                               case when i %% 1000 = 0 then 'REVIEW' when i %% 50 = 0 then 'FAILED'
                                    when i %% 997 = 0 then 'PROCESSING' else 'SUCCEEDED' end,
                               case when i %% 50 = 0 then 'REJECTED' end,
                               now() - ((%d - i) * interval '2592 milliseconds'),
                               now() - ((%d - i) * interval '2592 milliseconds'),
                               now() - ((%d - i) * interval '2592 milliseconds'),
                               (array['sim-fast','sim-cheap','sim-flaky','sim-broadnet'])[1 + (i / 3) %% 4],
                               1
                        from generate_series(%d, %d) i""", orders, orders, orders, from + 1, Math.min(from + batch, orders)));
            }
            s.execute("""
                    insert into anomaly (kind, dedupe_key, order_id, status, created_at, details)
                    select (array['STUCK_PROCESSING','DUPLICATE_SUCCESS','AMOUNT_MISMATCH'])[1 + (row_number() over ()) % 3],
                           'bench:' || id, id, 'OPEN', created_at, '{}'
                    from topup_order where status = 'REVIEW' or right(id, 3) = '777'""");
            s.execute("analyze");
        }
    }

    private record Fixture(String anyOrder, long merchantId, String merchantOrderId, String phoneHash) {
        static Fixture read(Connection c) throws Exception {
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("""
                         select id, merchant_id, merchant_order_id, phone_hash from topup_order
                         order by created_at desc offset 123456 limit 1""")) {
                r.next();
                return new Fixture(r.getString(1), r.getLong(2), r.getString(3), r.getString(4));
            }
        }
    }

    private static Map<String, Long> indexScans(Connection c) throws Exception {
        Thread.sleep(600); // statistics are flushed by the backend at most every 500 ms
        Map<String, Long> scans = new HashMap<>();
        try (Statement s = c.createStatement()) {
            s.execute("select pg_stat_force_next_flush()");
            try (ResultSet r = s.executeQuery("""
                    select indexrelname, idx_scan from pg_stat_user_indexes where relname in ('topup_order', 'anomaly')""")) {
                while (r.next()) {
                    scans.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return scans;
    }

    private static String usedIndexes(Map<String, Long> before, Map<String, Long> after) {
        List<String> used = new ArrayList<>();
        after.forEach((index, scans) -> {
            if (scans > before.getOrDefault(index, 0L) && !index.equals("topup_order_pkey")) {
                used.add(index);
            }
        });
        return used.isEmpty() ? "(none: sequential scan)" : String.join(", ", used.stream().sorted().toList());
    }
}
