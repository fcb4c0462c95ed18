package com.topup.bench;

import com.topup.common.db.Sql;
import com.topup.devenv.FreePorts;
import com.topup.devenv.LocalDirs;
import com.topup.devenv.LocalPostgres;
import com.topup.merchant.RequestAdmissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the per-merchant rate limit costs a request: {@link RequestAdmissions} (nonce + shared one-second window, one
 * auto-committed statement) against the nonce insert alone that it replaced and against the same counting in a
 * transaction of its own, on a PostgreSQL of its own with durable commits. One merchant (every request on the same
 * window row) and several merchants, one caller and several.
 * Usage: bin/bench admission [seconds per measurement=5]
 */
public final class AdmissionBench {

    private static final String NONCE_ONLY = """
            insert into request_nonce (merchant_id, nonce, expires_at) values (?, ?, ?)
            on conflict (merchant_id, nonce) do update set expires_at = excluded.expires_at
            where request_nonce.expires_at < ?""";

    private static final String ADMIT_IN_TRANSACTION = """
            with fresh as (
                insert into request_nonce (merchant_id, nonce, expires_at) values (?, ?, ?)
                on conflict (merchant_id, nonce) do update set expires_at = excluded.expires_at
                where request_nonce.expires_at < ?
                returning merchant_id
            ), clock as (
                select (extract(epoch from clock_timestamp()) * 1000)::bigint as ms
            ), counted as (
                insert into merchant_request_window as w (merchant_id, window_second, hits)
                select fresh.merchant_id, clock.ms / 1000, 1 from fresh, clock
                on conflict (merchant_id) do update
                    set hits = case when excluded.window_second > w.window_second then 1 else w.hits + 1 end,
                        window_second = greatest(w.window_second, excluded.window_second)
                returning hits, window_second
            )
            select counted.hits, clock.ms - counted.window_second * 1000 from counted, clock""";


    private AdmissionBench() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 5;
        try (LocalPostgres pg = LocalPostgres.start(FreePorts.next(),
                LocalDirs.projectRoot().resolve("target/admission-bench-pg"), false, true)) {
            try (Connection c = open(pg); Statement s = c.createStatement()) {
                s.execute("create table request_nonce (merchant_id bigint not null, nonce text not null,"
                        + " expires_at timestamptz not null, primary key (merchant_id, nonce))");
                s.execute("create index request_nonce_expiry on request_nonce (expires_at)");
                s.execute("create unlogged table merchant_request_window (merchant_id bigint primary key,"
                        + " window_second bigint not null, hits integer not null) with (fillfactor = 50)");
            }
            System.out.printf("%-22s %8s %9s %12s %10s %10s%n", "statement", "callers", "merchants", "admissions/s",
                    "mean µs", "p99 µs");
            for (int[] shape : new int[][] {{1, 1}, {8, 1}, {8, 8}}) {
                for (String name : List.of(BEFORE, IN_TRANSACTION, ONE_STATEMENT)) {
                    measure(pg, name, shape[0], shape[1], 1);
                    measure(pg, name, shape[0], shape[1], seconds);
                }
            }
        }
    }

    private static final String BEFORE = "nonce only, 3 trips";
    private static final String IN_TRANSACTION = "nonce+window, 3 trips";
    private static final String ONE_STATEMENT = "nonce+window, 1 trip";

    private static void measure(LocalPostgres pg, String name, int callers, int merchants, long seconds)
            throws Exception {
        boolean warmUp = seconds == 1;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < callers; t++) {
            long merchant = 1 + t % merchants;
            results.add(pool.submit(() -> run(pg, name, merchant, end)));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<long[]> f : results) {
            for (long l : f.get()) {
                latencies.add(l);
            }
        }
        pool.shutdown();
        if (warmUp) {
            return;
        }
        latencies.sort(null);
        double mean = latencies.stream().mapToLong(Long::longValue).average().orElse(0) / 1_000;
        long p99 = latencies.get((int) (latencies.size() * 0.99)) / 1_000;
        System.out.printf("%-22s %8d %9d %12.0f %10.0f %10d%n", name, callers, merchants,
                latencies.size() / (double) seconds, mean, p99);
    }

    /**
     * The app's {@link RequestAdmissions} on an auto-committing connection, as in the app; for comparison the nonce
     * insert alone as the app did before, and the same counting statement in a transaction of its own
     * (set local synchronous_commit, statement, commit: three round trips, the window row held across the commit).
     */
    private static long[] run(LocalPostgres pg, String name, long merchant, long end) throws SQLException {
        long[] latencies = new long[4_000_000];
        int n = 0;
        if (name.equals(ONE_STATEMENT)) {
            try (Connection c = open(pg)) {
                RequestAdmissions admissions = new RequestAdmissions(new Sql(new OneConnection(c)));
                while (System.nanoTime() < end && n < latencies.length) {
                    long start = System.nanoTime();
                    Instant now = Instant.now();
                    admissions.admit(merchant, UUID.randomUUID().toString(), now, now.plusSeconds(600));
                    latencies[n++] = System.nanoTime() - start;
                }
            }
            return java.util.Arrays.copyOf(latencies, n);
        }
        String sql = name.equals(BEFORE) ? NONCE_ONLY : ADMIT_IN_TRANSACTION;
        try (Connection c = open(pg); Statement local = c.createStatement(); PreparedStatement s = c.prepareStatement(sql)) {
            c.setAutoCommit(false);
            while (System.nanoTime() < end && n < latencies.length) {
                long start = System.nanoTime();
                local.execute("set local synchronous_commit = off");
                Instant now = Instant.now();
                s.setLong(1, merchant);
                s.setString(2, UUID.randomUUID().toString());
                s.setTimestamp(3, Timestamp.from(now.plusSeconds(600)));
                s.setTimestamp(4, Timestamp.from(now));
                if (s.execute()) {
                    try (ResultSet rs = s.getResultSet()) {
                        rs.next();
                    }
                }
                c.commit();
                latencies[n++] = System.nanoTime() - start;
            }
        }
        return java.util.Arrays.copyOf(latencies, n);
    }

    private static Connection open(LocalPostgres pg) throws SQLException {
        return DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
    }
}
