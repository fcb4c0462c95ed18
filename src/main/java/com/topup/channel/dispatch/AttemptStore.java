package com.topup.channel.dispatch;

import com.topup.channel.ChannelDefinition;
import com.topup.channel.ChannelDirectory;
import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** channel_attempt and channel_daily_usage rows; every state change is guarded by the attempt's current status. */
@ApplicationScoped
public class AttemptStore {

    private static final String COLUMNS = "id, order_id, attempt_no, channel_code, face_value, status, error_class, cost, "
            + "started_at, query_count, probe_generation, channel_reference";

    /** Rows a quota-free channel's daily tally is spread over (stripe 0 is the quota row). */
    private static final int USAGE_STRIPES = 16;

    private final Sql sql;
    private final ChannelDirectory directory;
    private final DailyUsageTally tally;

    public AttemptStore(Sql sql, ChannelDirectory directory, DailyUsageTally tally) {
        this.sql = sql;
        this.directory = directory;
        this.tally = tally;
    }

    /** An attempt to write: SUBMITTING on its channel from {@code startedAt}, with the routing that chose it. */
    public record NewAttempt(String id, String orderId, int attemptNo, String channelCode, String carrier, long faceValue,
                             Long probeGeneration, Integer ruleVersion, List<String> firedRules, RoutePrediction prediction,
                             long cost, Instant startedAt) {
    }

    /** Writes new attempts in one round trip. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertAll(List<NewAttempt> attempts) {
        sql.batch("""
                        insert into channel_attempt (id, order_id, attempt_no, channel_code, carrier, face_value, status,
                            probe_generation, rule_version, fired_rules, predicted_success, best_alternative,
                            best_alternative_predicted, cost, started_at)
                        values (?, ?, ?, ?, ?, ?, 'SUBMITTING', ?, ?, ?, ?, ?, ?, ?, ?)""",
                attempts.stream().map(a -> new Object[] {a.id(), a.orderId(), a.attemptNo(), a.channelCode(), a.carrier(),
                        a.faceValue(), a.probeGeneration(), a.ruleVersion(), a.firedRules().toArray(String[]::new),
                        a.prediction().chosen(), a.prediction().bestAlternative(),
                        a.prediction().bestAlternativePredicted(), a.cost(), a.startedAt()}).toList());
    }

    /** What the fallback rules decided after this attempt failed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFallback(String id, String action, Integer ruleVersion, List<String> firedRules) {
        sql.update("""
                update channel_attempt set fallback_action = ?, fallback_rule_version = ?, fallback_fired_rules = ?
                where id = ?""", action, ruleVersion, firedRules.toArray(String[]::new), id);
    }

    /** Stops status queries (an order parked for a person); a callback can still settle it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stopQueries(String id) {
        sql.update("update channel_attempt set next_query_at = null where id = ?", id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Attempt> lock(String id) {
        return sql.queryOne("select " + COLUMNS + " from channel_attempt where id = ? for update", AttemptStore::map, id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Attempt> ofOrder(String orderId) {
        return sql.query("select " + COLUMNS + " from channel_attempt where order_id = ? order by attempt_no",
                AttemptStore::map, orderId);
    }

    private static final String PROCESSING = """
            update channel_attempt set status = 'PROCESSING', channel_reference = coalesce(?, channel_reference),
                error_class = ?, next_query_at = ?, version = version + 1
            where id = ? and status = 'SUBMITTING'""";

    /** SUBMITTING → PROCESSING: the channel took it (or may have); ask it at {@code nextQueryAt} unless it calls back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean processing(Processing move) {
        return sql.update(PROCESSING, parameters(move)) == 1;
    }

    /** The same moves for several attempts, in one round trip. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void processingAll(List<Processing> moves) {
        sql.batch(PROCESSING, moves.stream().map(AttemptStore::parameters).toList());
    }

    private static Object[] parameters(Processing move) {
        return new Object[] {move.channelReference(), move.errorClass(), move.nextQueryAt(), move.attemptId()};
    }

    /** An attempt the channel took, or may have taken: when to ask about it unless it calls back. */
    public record Processing(String attemptId, String channelReference, String errorClass, Instant nextQueryAt) {
    }

    private static final String FINISH = """
            update channel_attempt set status = ?, channel_reference = coalesce(?, channel_reference),
                error_class = ?, error_code = ?, finished_at = ?,
                latency_ms = least(extract(epoch from (?::timestamptz - started_at)) * 1000, 2147483647)::int,
                next_query_at = null, version = version + 1
            where id = ? and status in ('SUBMITTING', 'PROCESSING')""";

    /** An open attempt ends; the latency feeds the channel's health figures. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean finish(String id, AttemptStatus outcome, String channelReference, String errorClass, String errorCode,
                          Instant now) {
        return sql.update(FINISH, outcome.name(), channelReference, errorClass, errorCode, now, now, id) == 1;
    }

    /**
     * Locks several attempts that are to finish at {@code now}, and returns them in the order of the outcome-tally rows
     * their finishes will add to (channel_outcome_tally_add, migrations V14 and V15: channel, carrier and latency
     * class; the slot is the same for all, and so is the stripe, the connection's). Finishing them in that order,
     * every transaction that finishes several at once takes those rows' locks in one order, so two of them never wait
     * for each other in a cycle. Ids of no attempt are left out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Attempt> lockAllToFinish(Collection<String> ids, Instant now) {
        return sql.query("""
                        select %s from channel_attempt where id = any(?)
                        order by channel_code, carrier,
                            channel_outcome_latency_class(least(extract(epoch from (?::timestamptz - started_at)) * 1000,
                                2147483647)::int)
                        for update""".formatted(COLUMNS),
                AttemptStore::map, ids.toArray(String[]::new), now);
    }

    /** Open attempts succeed at {@code now} in one round trip, each under the reference its channel reported. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeedAll(List<Succeeded> successes, Instant now) {
        int[] moved = sql.batch(FINISH, successes.stream().map(s -> new Object[] {AttemptStatus.SUCCEEDED.name(),
                s.channelReference(), null, null, now, now, s.attemptId()}).toList());
        if (Arrays.stream(moved).anyMatch(count -> count != 1)) {
            throw new IllegalStateException("Not every attempt was open: " + Arrays.toString(moved));
        }
    }

    /** An attempt its channel reported a success of, with the channel's reference (null when not given). */
    public record Succeeded(String attemptId, String channelReference) {
    }

    /** A failed attempt's success report: the channel charged after all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean lateSuccess(String id, String channelReference, Instant now) {
        return sql.update("""
                update channel_attempt set status = 'SUCCEEDED', channel_reference = coalesce(?, channel_reference),
                    finished_at = ?, next_query_at = null, version = version + 1
                where id = ? and status = 'FAILED'""", channelReference, now, id) == 1;
    }

    /** A status query and what it answered, for the order's timeline. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void logQuery(Attempt attempt, String answer, String detail, Instant now) {
        sql.update("""
                insert into channel_query (attempt_id, order_id, channel_code, asked_at, status, detail)
                values (?, ?, ?, ?, ?, ?)""", attempt.id(), attempt.orderId(), attempt.channelCode(), now, answer, detail);
    }

    /**
     * Ends every open attempt of the order as FAILED with the given error class (a person or a repair gave up on
     * it) and returns them; a later success report on one of them is a success after the fact.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Attempt> abandonOpen(String orderId, String errorClass, Instant now) {
        return sql.query("""
                        update channel_attempt set status = 'FAILED', error_class = ?, finished_at = ?, next_query_at = null,
                            latency_ms = least(extract(epoch from (?::timestamptz - started_at)) * 1000, 2147483647)::int,
                            version = version + 1
                        where order_id = ? and status in ('SUBMITTING', 'PROCESSING')
                        returning\s""" + COLUMNS, AttemptStore::map, errorClass, now, now, orderId);
    }

    /** An attempt a person (or a repair) declares succeeded, with the supplier's reference when given. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean declareSucceeded(String id, String channelReference, Instant now) {
        return sql.update("""
                update channel_attempt set status = 'SUCCEEDED', channel_reference = coalesce(?, channel_reference),
                    error_class = null, error_code = null, finished_at = coalesce(finished_at, ?), next_query_at = null,
                    version = version + 1
                where id = ? and status <> 'SUCCEEDED'""", channelReference, now, id) == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void queryAgainAt(String id, Instant at) {
        sql.update("update channel_attempt set next_query_at = ? where id = ? and status = 'PROCESSING'", at, id);
    }

    /** Claims attempts whose status query is due: pushes their next query time out so no other poller takes them. */
    @Transactional
    public List<Attempt> claimDueQueries(int limit, Duration claimFor) {
        Instant now = Instant.now();
        return sql.query("""
                        update channel_attempt set next_query_at = ?, query_count = query_count + 1
                        where id in (select id from channel_attempt
                                     where status = 'PROCESSING' and next_query_at <= ?
                                     order by next_query_at limit ? for update skip locked)
                        returning\s""" + COLUMNS,
                AttemptStore::map, now.plus(claimFor), now, limit);
    }

    /**
     * Reserves the face value against the channel's quota for today; false when it would go over. A channel without
     * a quota only tallies, on the order's stripe and at the commit ({@link DailyUsageTally}), so dispatches to it
     * never wait for each other's row lock; a channel with one reserves on stripe 0, one transaction at a time, so the
     * quota holds exactly.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean reserveQuota(String channelCode, Long dailyQuota, String orderId, long amount, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (dailyQuota == null) {
            tally.add(channelCode, day, stripeOf(orderId), amount);
            return true;
        }
        return sql.update("""
                with others as (select coalesce(sum(amount), 0) as amount from channel_daily_usage
                                where channel_code = ? and day = ? and stripe <> 0)
                insert into channel_daily_usage (channel_code, day, stripe, amount)
                select ?, ?, 0, ? from others where others.amount + ? <= ?
                on conflict (channel_code, day, stripe) do update set amount = channel_daily_usage.amount + excluded.amount
                where channel_daily_usage.amount + excluded.amount + (select amount from others) <= ?""",
                channelCode, day, channelCode, day, amount, amount, dailyQuota, dailyQuota) == 1;
    }

    /**
     * Gives back a failed attempt's reservation on the day it was made, from the row it was taken from (a quota set
     * or lifted between the two moves the tally between rows; it never goes below zero).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseQuota(String channelCode, Long dailyQuota, String orderId, Instant startedAt, long amount) {
        LocalDate day = LocalDate.ofInstant(startedAt, ZoneOffset.UTC);
        if (dailyQuota == null) {
            tally.add(channelCode, day, stripeOf(orderId), -amount);
            return;
        }
        sql.update("update channel_daily_usage set amount = greatest(amount - ?, 0) where channel_code = ? and day = ? and stripe = 0",
                amount, channelCode, day);
    }

    /** Gives back a failed or abandoned attempt's reservation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseQuota(Attempt attempt) {
        Long dailyQuota = directory.find(attempt.channelCode()).map(ChannelDefinition::dailyQuota).orElse(null);
        releaseQuota(attempt.channelCode(), dailyQuota, attempt.orderId(), attempt.startedAt(), attempt.faceValue());
    }

    static int stripeOf(String orderId) {
        return 1 + Math.floorMod(orderId.hashCode(), USAGE_STRIPES);
    }

    private static Attempt map(ResultSet row) throws SQLException {
        return new Attempt(row.getString("id"), row.getString("order_id"), row.getInt("attempt_no"),
                row.getString("channel_code"), row.getLong("face_value"), AttemptStatus.valueOf(row.getString("status")),
                row.getString("error_class"), row.getLong("cost"), Sql.instant(row, "started_at"),
                row.getInt("query_count"), Sql.nullableLong(row, "probe_generation"), row.getString("channel_reference"));
    }
}
