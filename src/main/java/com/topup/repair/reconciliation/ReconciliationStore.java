package com.topup.repair.reconciliation;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** reconciliation_run and reconciliation_difference rows, and what the platform recorded of a channel's day. */
@ApplicationScoped
public class ReconciliationStore {

    private static final String RUN_COLUMNS = """
            id, channel_code, day, status, started_by, started_at, finished_at, statement_lines, matched, differences,
            statement_total, our_total, error""";

    private final Sql sql;

    public ReconciliationStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * Claims the run of a channel's day; empty when another run of it is in progress (or, unless {@code again}, when
     * it ran already). A run left RUNNING longer than {@code stale} by a stopped instance can be claimed again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Long> claim(String channel, LocalDate day, String startedBy, boolean again, Duration stale) {
        Instant now = Instant.now();
        return sql.queryOne("""
                        insert into reconciliation_run (channel_code, day, status, started_by, started_at)
                        values (?, ?, 'RUNNING', ?, ?)
                        on conflict (channel_code, day) do update set status = 'RUNNING', started_by = excluded.started_by,
                            started_at = excluded.started_at, finished_at = null, error = null
                        where (reconciliation_run.status <> 'RUNNING' and ?) or reconciliation_run.started_at < ?
                        returning id""", row -> row.getLong("id"), channel, day, startedBy, now, again, now.minus(stale));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(long runId, StatementMatch.Result result, int lines) {
        sql.update("""
                update reconciliation_run set status = 'DONE', finished_at = ?, statement_lines = ?, matched = ?,
                    differences = ?, statement_total = ?, our_total = ?, error = null
                where id = ?""", Instant.now(), lines, result.matched(), result.differences().size(),
                result.statementTotal(), result.ourTotal(), runId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(long runId, String error) {
        sql.update("update reconciliation_run set status = 'FAILED', finished_at = ?, error = ? where id = ?",
                Instant.now(), error, runId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceDifferences(long runId) {
        sql.update("delete from reconciliation_difference where run_id = ?", runId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void difference(long runId, Difference d, Long anomalyId) {
        sql.update("""
                insert into reconciliation_difference (run_id, kind, reference, order_id, channel_reference,
                    statement_amount, our_amount, statement_status, our_status, anomaly_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                runId, d.kind().name(), d.reference(), d.orderId(), d.channelReference(), d.statementAmount(), d.ourAmount(), d.statementStatus(),
                d.ourStatus(), anomalyId);
    }

    /** Our attempts on the channel started that UTC day, and any other the statement names. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, OurCharge> ours(String channel, LocalDate day, Set<String> named) {
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, OurCharge> ours = new HashMap<>();
        sql.query("""
                        select id, order_id, status, channel_reference, face_value from channel_attempt
                        where channel_code = ? and ((started_at >= ? and started_at < ?) or id = any(?))""",
                row -> new OurCharge(row.getString("id"), row.getString("order_id"), row.getString("status"),
                        row.getString("channel_reference"), row.getLong("face_value")),
                channel, from, from.plus(Duration.ofDays(1)), named.toArray(String[]::new))
                .forEach(charge -> ours.put(charge.attemptId(), charge));
        return ours;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> dayAttempts(String channel, LocalDate day) {
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return new HashSet<>(sql.query("""
                        select id from channel_attempt where channel_code = ? and started_at >= ? and started_at < ?""",
                row -> row.getString("id"), channel, from, from.plus(Duration.ofDays(1))));
    }

    /** Channel references of second charges on this channel already recorded as duplicates. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> knownDuplicates(String channel) {
        return new HashSet<>(sql.query("""
                        select channel_reference from anomaly
                        where kind = 'DUPLICATE_SUCCESS' and channel_code = ? and channel_reference is not null""",
                row -> row.getString("channel_reference"), channel));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ReconciliationRun> run(String channel, LocalDate day) {
        return sql.queryOne("select " + RUN_COLUMNS + " from reconciliation_run where channel_code = ? and day = ?",
                ReconciliationStore::run, channel, day);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<ReconciliationRun> recent(String channel, int limit) {
        return channel == null
                ? sql.query("select " + RUN_COLUMNS + " from reconciliation_run order by day desc, channel_code limit ?",
                        ReconciliationStore::run, limit)
                : sql.query("select " + RUN_COLUMNS + " from reconciliation_run where channel_code = ? order by day desc limit ?",
                        ReconciliationStore::run, channel, limit);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<DifferenceView> differences(long runId) {
        return sql.query("""
                        select d.kind, d.reference, d.order_id, d.channel_reference, d.statement_amount, d.our_amount,
                               d.statement_status, d.our_status, d.anomaly_id, a.status as anomaly_status
                        from reconciliation_difference d left join anomaly a on a.id = d.anomaly_id
                        where d.run_id = ? order by d.id""",
                row -> new DifferenceView(row.getString("kind"), row.getString("reference"), row.getString("order_id"),
                        row.getString("channel_reference"), Sql.nullableLong(row, "statement_amount"),
                        Sql.nullableLong(row, "our_amount"), row.getString("statement_status"), row.getString("our_status"),
                        Sql.nullableLong(row, "anomaly_id"), row.getString("anomaly_status")), runId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<ClaimView> openClaims(String channel) {
        return sql.query("""
                        select id, anomaly_id, order_id, reference, channel_reference, amount, status, created_at
                        from supplier_claim where channel_code = ? and status = 'OPEN' order by id""",
                row -> new ClaimView(row.getLong("id"), row.getLong("anomaly_id"), row.getString("order_id"),
                        row.getString("reference"), row.getString("channel_reference"), row.getLong("amount"),
                        row.getString("status"), Sql.instant(row, "created_at")), channel);
    }

    private static ReconciliationRun run(ResultSet row) throws SQLException {
        return new ReconciliationRun(row.getLong("id"), row.getString("channel_code"), row.getDate("day").toLocalDate(),
                row.getString("status"), row.getString("started_by"), Sql.instant(row, "started_at"),
                Sql.instant(row, "finished_at"), row.getInt("statement_lines"), row.getInt("matched"),
                row.getInt("differences"), row.getLong("statement_total"), row.getLong("our_total"), row.getString("error"));
    }
}
