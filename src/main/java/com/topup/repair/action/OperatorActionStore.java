package com.topup.repair.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** operator_action rows; a status change is guarded by the current status. */
@ApplicationScoped
public class OperatorActionStore {

    private static final String COLUMNS = """
            id, kind, order_id, status, requested_by, reason, amount, params::text as params, decided_by,
            decision_reason, created_at, decided_at, outcome, request_digest, answer""";

    private final Sql sql;
    private final ObjectMapper json;

    public OperatorActionStore(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** An action as stored: its view, the digest of the request that created it and the answer given to it. */
    public record Stored(ActionView view, String digest, String answer) {
    }

    /** False when an action with this id exists already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insert(String id, ActionKind kind, String orderId, ActionStatus status, String requestedBy,
                          ActionRequest request, long amount, String digest, Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("channelReference", request.channelReference());
        params.put("excludeChannels", request.excluded());
        return sql.update("""
                        insert into operator_action (id, kind, order_id, status, requested_by, reason, params, amount,
                            created_at, request_digest)
                        values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) on conflict (id) do nothing""",
                id, kind.name(), orderId, status.name(), requestedBy, request.reason(), write(params), amount, now,
                digest) == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Stored> find(String id) {
        return sql.queryOne("select " + COLUMNS + " from operator_action where id = ?", this::stored, id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Stored> lock(String id) {
        return sql.queryOne("select " + COLUMNS + " from operator_action where id = ? for update", this::stored, id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void answered(String id, String answer, String outcome) {
        sql.update("update operator_action set answer = ?, outcome = coalesce(?, outcome) where id = ?", answer, outcome, id);
    }

    /** AWAITING_SECOND_OPERATOR → {@code to}; false when it was no longer awaiting. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean decide(String id, ActionStatus to, String decidedBy, String reason, String outcome, Instant now) {
        return sql.update("""
                update operator_action set status = ?, decided_by = ?, decision_reason = ?, outcome = ?, decided_at = ?
                where id = ? and status = 'AWAITING_SECOND_OPERATOR'""", to.name(), decidedBy, reason, outcome, now, id) == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<ActionView> list(ActionStatus status, String orderId, int limit) {
        StringBuilder where = new StringBuilder("true");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            where.append(" and status = ?");
            params.add(status.name());
        }
        if (orderId != null) {
            where.append(" and order_id = ?");
            params.add(orderId);
        }
        params.add(limit);
        return sql.query("select " + COLUMNS + " from operator_action where " + where
                + " order by created_at desc limit ?", row -> stored(row).view(), params.toArray());
    }

    private Stored stored(ResultSet row) throws SQLException {
        JsonNode params = read(row.getString("params"));
        List<String> excluded = new ArrayList<>();
        params.path("excludeChannels").forEach(node -> excluded.add(node.asText()));
        String channelReference = params.path("channelReference").isTextual() ? params.get("channelReference").asText() : null;
        ActionView view = new ActionView(row.getString("id"), row.getString("kind"), row.getString("order_id"),
                row.getString("status"), row.getString("requested_by"), row.getString("reason"), row.getLong("amount"),
                channelReference, excluded, row.getString("decided_by"), row.getString("decision_reason"),
                Sql.instant(row, "created_at"), Sql.instant(row, "decided_at"), row.getString("outcome"));
        return new Stored(view, row.getString("request_digest"), row.getString("answer"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
