package com.topup.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The audit trail for auditors: search newest first with a cursor, and verification of the hash chain. */
@ApplicationScoped
public class AuditQueries {

    private static final int VERIFY_CHUNK = 5_000;

    private final Sql sql;
    private final ObjectMapper json;

    public AuditQueries(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    @Transactional
    public AuditPage search(AuditSearch search) {
        StringBuilder where = new StringBuilder("true");
        List<Object> params = new ArrayList<>();
        if (search.actor() != null) {
            where.append(" and actor = ?");
            params.add(search.actor());
        }
        if (search.action() != null) {
            where.append(" and action = ?");
            params.add(search.action());
        }
        if (search.target() != null) {
            where.append(" and (subject = ? or subject like ? escape '\\')");
            params.add(search.target());
            params.add(search.target().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (search.from() != null) {
            where.append(" and occurred_at >= ?");
            params.add(search.from());
        }
        if (search.to() != null) {
            where.append(" and occurred_at < ?");
            params.add(search.to());
        }
        if (search.before() != null) {
            where.append(" and id < ?");
            params.add(search.before());
        }
        params.add(search.limit() + 1);
        List<AuditEntryView> rows = sql.query("""
                select id, occurred_at, actor, roles, action, subject, reason, before_state, after_state
                from audit_event where\s""" + where + " order by id desc limit ?", this::view, params.toArray());
        boolean more = rows.size() > search.limit();
        List<AuditEntryView> page = more ? rows.subList(0, search.limit()) : rows;
        return new AuditPage(List.copyOf(page), more ? Long.toString(page.get(page.size() - 1).id()) : null);
    }

    /** Walks the whole chain in order, recomputing every hash. */
    @Transactional
    public AuditVerification verify() {
        String expectedPrevious = AuditTrail.GENESIS;
        long after = 0;
        long entries = 0;
        while (true) {
            List<ChainRow> chunk = sql.query("""
                            select id, occurred_at, actor, roles, action, subject, reason, before_state, after_state,
                                   previous_hash, hash
                            from audit_event where id > ? order by id limit ?""",
                    row -> new ChainRow(row.getLong("id"), new AuditContent(Sql.instant(row, "occurred_at"),
                            row.getString("actor"), row.getString("roles"), row.getString("action"),
                            row.getString("subject"), row.getString("reason"), row.getString("before_state"),
                            row.getString("after_state")), row.getString("previous_hash"), row.getString("hash")),
                    after, VERIFY_CHUNK);
            for (ChainRow row : chunk) {
                entries++;
                if (!row.previousHash().equals(expectedPrevious)
                        || !row.hash().equals(AuditTrail.hash(row.previousHash(), row.content()))) {
                    return new AuditVerification(false, countAll(), row.id());
                }
                expectedPrevious = row.hash();
                after = row.id();
            }
            if (chunk.size() < VERIFY_CHUNK) {
                return new AuditVerification(true, entries, null);
            }
        }
    }

    private long countAll() {
        Long count = sql.queryLong("select count(*) from audit_event");
        return count == null ? 0 : count;
    }

    private record ChainRow(long id, AuditContent content, String previousHash, String hash) {
    }

    private AuditEntryView view(ResultSet row) throws SQLException {
        JsonNode before = state(row.getString("before_state"));
        JsonNode after = state(row.getString("after_state"));
        String roles = row.getString("roles");
        return new AuditEntryView(row.getLong("id"), row.getTimestamp("occurred_at").toInstant(), row.getString("actor"),
                roles == null || roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")), row.getString("action"),
                row.getString("subject"), row.getString("reason"), before, after, AuditDiff.between(before, after));
    }

    /** A stored state: JSON when it is a JSON object or array, else the text itself. */
    private JsonNode state(String text) {
        if (text == null) {
            return NullNode.getInstance();
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return json.readTree(trimmed);
            } catch (JsonProcessingException e) {
                return TextNode.valueOf(text);
            }
        }
        return TextNode.valueOf(text);
    }
}
