package com.topup.bench;

import com.topup.channel.dispatch.AttemptStatus;
import com.topup.channel.dispatch.AttemptStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the roll-up's triggers add to the attempt writes: the same {@link AttemptStore} statements timed in
 * alternating blocks with the triggers enabled and disabled, by the wall clock around each call and by
 * PostgreSQL's own execution time (pg_stat_statements, which includes the time of row triggers).
 */
final class AttemptWriteCost {

    private static final String[] TRIGGERS = {"channel_attempt_rollup_on_insert", "channel_attempt_rollup_on_update",
            "channel_attempt_rollup_on_delete"};

    /** Microseconds per statement with the triggers on and off (medians of the blocks), and the statements per side. */
    record Figures(double wallOn, double wallOff, double serverOn, double serverOff, int perSide) {
    }

    private interface Write {
        void run(String attemptId) throws Exception;
    }

    private final Connection db;
    private final AttemptStore store;

    AttemptWriteCost(Connection db, AttemptStore store) throws Exception {
        this.db = db;
        this.store = store;
        try (Statement s = db.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
        }
    }

    /**
     * Open attempts finishing now (the dispatch path's update: the trigger's condition is evaluated, the function is
     * not called), one transaction each.
     */
    Figures finishes(int blocks, int perBlock) throws Exception {
        int count = (blocks + 1) * perBlock;
        try (Statement s = db.createStatement()) {
            s.execute("set session_replication_role = replica");
            s.execute("""
                    insert into channel_attempt (id, order_id, attempt_no, channel_code, carrier, face_value, status, cost,
                                                 started_at, predicted_success, next_query_at)
                    select 'W-' || i, 'W-' || i, 1, 'ch-0' || (i %% 10), 'CHINA_MOBILE', 10000, 'PROCESSING', 9750,
                           now() - interval '1 second', 0.95, now() + interval '1 minute'
                    from generate_series(1, %d) i""".formatted(count));
            s.execute("set session_replication_role = origin");
            s.execute("analyze channel_attempt"); // else the planner may take channel_attempt_open for a near-empty index
        }
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add("W-" + i);
        }
        return measure(ids, blocks, perBlock, false, id -> store.finish(id, id.endsWith("7") ? AttemptStatus.FAILED
                : AttemptStatus.SUCCEEDED, "R" + id, null, null, Instant.now()));
    }

    /**
     * Failed attempts the roll-up has counted reported successful after all (the trigger takes each out of its old
     * buckets), a block per transaction; the blocks without the triggers are rolled back so the counts stay right.
     */
    Figures corrections(int blocks, int perBlock) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("""
                     select id from channel_attempt
                     where status = 'FAILED' and finished_at < (select rolled_to from channel_attempt_rollup_state)
                     order by finished_at desc limit %d""".formatted((blocks + 1) * perBlock))) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        return measure(ids, blocks, perBlock, true, id -> store.lateSuccess(id, "late-" + id, Instant.now()));
    }

    /**
     * A first block with the triggers on to warm up (not counted), then blocks alternating off and on; the figures
     * are the medians of the blocks' means.
     */
    private Figures measure(List<String> ids, int blocks, int perBlock, boolean transactionPerBlock, Write write)
            throws Exception {
        List<Double> wallOn = new ArrayList<>();
        List<Double> wallOff = new ArrayList<>();
        List<Double> serverOn = new ArrayList<>();
        List<Double> serverOff = new ArrayList<>();
        for (int b = 0; b <= blocks && (b + 1) * perBlock <= ids.size(); b++) {
            boolean on = b % 2 == 0;
            db.setAutoCommit(!transactionPerBlock);
            if (!on) {
                triggers(false); // inside the block's transaction when there is one: its rollback enables them again
            }
            resetStatements();
            long start = System.nanoTime();
            for (String id : ids.subList(b * perBlock, (b + 1) * perBlock)) {
                write.run(id);
            }
            long nanos = System.nanoTime() - start;
            double server = updateMillis();
            if (transactionPerBlock) {
                if (on) {
                    db.commit();
                } else {
                    db.rollback();
                }
                db.setAutoCommit(true);
            } else if (!on) {
                triggers(true);
            }
            if (b > 0) {
                (on ? wallOn : wallOff).add(nanos / 1e3 / perBlock);
                (on ? serverOn : serverOff).add(server * 1e3 / perBlock);
            }
        }
        return new Figures(median(wallOn), median(wallOff), median(serverOn), median(serverOff),
                wallOn.size() * perBlock);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private void triggers(boolean enabled) throws Exception {
        try (Statement s = db.createStatement()) {
            for (String trigger : TRIGGERS) {
                s.execute("alter table channel_attempt " + (enabled ? "enable" : "disable") + " trigger " + trigger);
            }
        }
    }

    private void resetStatements() throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
        }
    }

    /** Server time of the attempt updates since the last reset. */
    private double updateMillis() throws Exception {
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("""
                     select coalesce(sum(total_exec_time), 0) from pg_stat_statements
                     where query like 'update channel_attempt set status%'""")) {
            r.next();
            return r.getDouble(1);
        }
    }
}
