package com.topup.repair;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.common.db.Sql;
import com.topup.rules.model.AnomalyKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** anomaly and repair_step rows. Every change of an anomaly's state is guarded by its current status. */
@ApplicationScoped
public class AnomalyStore {

    static final String VIEW_COLUMNS = """
            a.id, a.kind, a.order_id, o.status as order_status, m.code as merchant, a.status, a.action, a.reason,
            a.rule_version, a.fired_rules, a.outcome, a.channel_code, a.reference, a.channel_reference,
            a.amount_at_stake, a.details::text as details, a.created_at, a.resolved_at, a.resolution, a.resolved_by,
            a.resolution_reason""";
    static final String VIEW_FROM = """
            anomaly a left join topup_order o on o.id = a.order_id left join merchant m on m.id = o.merchant_id""";

    private final Sql sql;
    private final ObjectMapper json;

    public AnomalyStore(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** The id of the anomaly with the case's key: a new OPEN one, or the one recorded before (then {@code created} false). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Recorded open(AnomalyCase found, Instant now) {
        Optional<Long> inserted = sql.queryOne("""
                        insert into anomaly (kind, dedupe_key, order_id, channel_code, reference, channel_reference,
                            amount_at_stake, details, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'OPEN', ?)
                        on conflict (dedupe_key) do nothing returning id""",
                row -> row.getLong("id"), found.kind().name(), found.dedupeKey(), found.orderId(), found.channel(),
                found.reference(), found.channelReference(), found.amountAtStake(), write(found.details()), now);
        if (inserted.isPresent()) {
            return new Recorded(inserted.get(), true, AnomalyStatus.OPEN);
        }
        return sql.queryOne("select id, status from anomaly where dedupe_key = ?",
                row -> new Recorded(row.getLong("id"), false, AnomalyStatus.valueOf(row.getString("status"))),
                found.dedupeKey()).orElseThrow();
    }

    public record Recorded(long id, boolean created, AnomalyStatus status) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void decided(long id, String action, String reason, Integer ruleVersion, List<String> firedRules) {
        sql.update("""
                update anomaly set action = ?, reason = ?, rule_version = ?, fired_rules = ?, version = version + 1
                where id = ?""", action, reason, ruleVersion, firedRules.toArray(String[]::new), id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void outcome(long id, String outcome) {
        sql.update("update anomaly set outcome = ?, version = version + 1 where id = ?", outcome, id);
    }

    /** OPEN → RESOLVED; false when it was not open (someone else resolved it first). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean resolve(long id, Resolution resolution, String by, String reason, String outcome, Instant now) {
        return sql.update("""
                update anomaly set status = 'RESOLVED', resolution = ?, resolved_by = ?, resolution_reason = ?,
                    outcome = coalesce(?, outcome), resolved_at = ?, next_action_at = null, version = version + 1
                where id = ? and status = 'OPEN'""", resolution.name(), by, reason, outcome, now, id) == 1;
    }

    /** An anomaly and the order it is about. */
    public record OrderAnomaly(long id, String orderId) {
    }

    /**
     * Open anomalies of these kinds on the orders, locked in id order: the orders finished and they need no person
     * any more.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<OrderAnomaly> lockOpenOfOrders(List<String> orderIds, List<AnomalyKind> kinds) {
        return sql.query("""
                        select id, order_id from anomaly where order_id = any(?) and status = 'OPEN' and kind = any(?)
                        order by id for update""", row -> new OrderAnomaly(row.getLong("id"), row.getString("order_id")),
                orderIds.toArray(String[]::new), kinds.stream().map(Enum::name).toArray(String[]::new));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AnomalyView> lock(long id) {
        return sql.queryOne("select " + VIEW_COLUMNS + " from " + VIEW_FROM + " where a.id = ? for update of a",
                this::view, id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AnomalyView> find(long id) {
        return sql.queryOne("select " + VIEW_COLUMNS + " from " + VIEW_FROM + " where a.id = ?", this::view, id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void step(long anomalyId, String orderId, String actor, String action, Integer ruleVersion,
                     List<String> firedRules, String summary, Instant now) {
        sql.update("""
                        insert into repair_step (anomaly_id, order_id, at, actor, action, rule_version, fired_rules, summary)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""", anomalyId, orderId, now, actor, action, ruleVersion,
                firedRules.toArray(String[]::new), summary);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<RepairStep> steps(long anomalyId) {
        return sql.query("""
                        select id, anomaly_id, order_id, at, actor, action, rule_version, fired_rules, summary
                        from repair_step where anomaly_id = ? order by id""", AnomalyStore::step, anomalyId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<RepairStep> stepsOfOrder(String orderId) {
        return sql.query("""
                        select id, anomaly_id, order_id, at, actor, action, rule_version, fired_rules, summary
                        from repair_step where order_id = ? order by id""", AnomalyStore::step, orderId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<AnomalyView> ofOrder(String orderId) {
        return sql.query("select " + VIEW_COLUMNS + " from " + VIEW_FROM + " where a.order_id = ? order by a.id",
                this::view, orderId);
    }

    /** Automatic work (a reversal call) is due at this time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void actionDueAt(long id, Instant at) {
        sql.update("update anomaly set next_action_at = ? where id = ? and status = 'OPEN'", at, id);
    }

    /** Claims anomalies whose automatic work is due, moving their due time out by the lease so no one else takes them. */
    @Transactional
    public List<DueAction> claimDue(int limit, Duration lease) {
        Instant now = Instant.now();
        return sql.query("""
                        update anomaly set next_action_at = ?, action_attempts = action_attempts + 1
                        where id in (select id from anomaly where next_action_at <= ? and status = 'OPEN'
                                     order by next_action_at limit ? for update skip locked)
                        returning id, kind, order_id, channel_code, reference, channel_reference, amount_at_stake,
                                  action_attempts""",
                row -> new DueAction(row.getLong("id"), AnomalyKind.valueOf(row.getString("kind")), row.getString("order_id"),
                        row.getString("channel_code"), row.getString("reference"), row.getString("channel_reference"),
                        row.getLong("amount_at_stake"), row.getInt("action_attempts")),
                now.plus(lease), now, limit);
    }

    /** An anomaly whose automatic work is due, as claimed. */
    public record DueAction(long id, AnomalyKind kind, String orderId, String channel, String reference,
                            String channelReference, long amount, int attempts) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void openClaim(long anomalyId, DueAction action, Instant now) {
        sql.update("""
                insert into supplier_claim (anomaly_id, channel_code, order_id, reference, channel_reference, amount,
                    status, created_at)
                values (?, ?, ?, ?, ?, ?, 'OPEN', ?) on conflict (anomaly_id) do nothing""",
                anomalyId, action.channel(), action.orderId(), action.reference(), action.channelReference(),
                action.amount(), now);
    }

    /** Closes the anomaly's claim against its supplier, if it has one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settleClaim(long anomalyId, String status, Instant now) {
        sql.update("update supplier_claim set status = ?, settled_at = ? where anomaly_id = ? and status = 'OPEN'",
                status, now, anomalyId);
    }

    /** Open anomalies per kind, for the queue's counts and the gauges. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Long> openCounts() {
        Map<String, Long> counts = new TreeMap<>();
        sql.query("select kind, count(*) as open_count from anomaly where status = 'OPEN' group by kind",
                        row -> Map.entry(row.getString("kind"), row.getLong("open_count")))
                .forEach(count -> counts.put(count.getKey(), count.getValue()));
        return counts;
    }

    AnomalyView view(ResultSet row) throws SQLException {
        AnomalyKind kind = AnomalyKind.valueOf(row.getString("kind"));
        return new AnomalyView(row.getLong("id"), kind.name(), row.getString("order_id"), row.getString("order_status"),
                row.getString("merchant"), row.getString("status"), row.getString("action"), row.getString("reason"),
                Sql.nullableInt(row, "rule_version"), texts(row.getArray("fired_rules")), row.getString("outcome"),
                row.getString("channel_code"), row.getString("reference"), row.getString("channel_reference"),
                row.getLong("amount_at_stake"), read(row.getString("details")), Sql.instant(row, "created_at"),
                Sql.instant(row, "resolved_at"), row.getString("resolution"), row.getString("resolved_by"),
                row.getString("resolution_reason"),
                "OPEN".equals(row.getString("status"))
                        ? Resolution.forOperators(kind).stream().map(Enum::name).sorted().toList() : List.of());
    }

    private static RepairStep step(ResultSet row) throws SQLException {
        return new RepairStep(row.getLong("id"), row.getLong("anomaly_id"), row.getString("order_id"),
                Sql.instant(row, "at"), row.getString("actor"), row.getString("action"),
                Sql.nullableInt(row, "rule_version"), texts(row.getArray("fired_rules")), row.getString("summary"));
    }

    private String write(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text == null ? "{}" : text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
