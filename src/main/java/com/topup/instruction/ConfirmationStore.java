package com.topup.instruction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code instruction_confirmation}: written when an instruction is understood, locked and closed when confirmed. */
@ApplicationScoped
class ConfirmationStore {

    private static final TypeReference<List<StoredItem>> ITEMS = new TypeReference<>() {
    };

    private final Sql sql;
    private final ObjectMapper json;

    ConfirmationStore(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    @Transactional
    void insert(String tokenHash, long merchantId, List<StoredItem> items, long totalPrice, String notifyUrl,
                Instant createdAt, Instant expiresAt) {
        sql.update("""
                        insert into instruction_confirmation (token_hash, merchant_id, items, total_price, notify_url,
                            created_at, expires_at)
                        values (?, ?, ?::jsonb, ?, ?, ?, ?)""",
                tokenHash, merchantId, write(items), totalPrice, notifyUrl, createdAt, expiresAt);
    }

    /** The merchant's confirmation, locked for the caller's transaction; empty for another merchant's. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<StoredConfirmation> lock(String tokenHash, long merchantId) {
        return sql.queryOne("""
                        select token_hash, merchant_id, items::text as items, total_price, notify_url, expires_at, status,
                               order_id_prefix, order_ids
                        from instruction_confirmation where token_hash = ? and merchant_id = ? for update""",
                this::row, tokenHash, merchantId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void markConfirmed(String tokenHash, String prefix, List<String> orderIds, Instant at) {
        int updated = sql.update("""
                        update instruction_confirmation
                        set status = 'CONFIRMED', order_id_prefix = ?, order_ids = ?, confirmed_at = ?
                        where token_hash = ? and status = 'OPEN'""",
                prefix, orderIds.toArray(String[]::new), at, tokenHash);
        if (updated != 1) {
            throw new IllegalStateException("confirmation was not open although it was locked");
        }
    }

    /** Deletes tokens past their time and confirmed ones past the retention; returns how many. */
    @Transactional
    int deleteStale(Instant now, Instant confirmedBefore) {
        return sql.update("""
                        delete from instruction_confirmation
                        where (status = 'OPEN' and expires_at < ?) or (status = 'CONFIRMED' and confirmed_at < ?)""",
                now, confirmedBefore);
    }

    private StoredConfirmation row(ResultSet rs) throws SQLException {
        java.sql.Array ids = rs.getArray("order_ids");
        return new StoredConfirmation(rs.getString("token_hash"), rs.getLong("merchant_id"), read(rs.getString("items")),
                rs.getLong("total_price"), rs.getString("notify_url"), rs.getTimestamp("expires_at").toInstant(),
                "CONFIRMED".equals(rs.getString("status")), rs.getString("order_id_prefix"),
                ids == null ? List.of() : Arrays.asList((String[]) ids.getArray()));
    }

    private String write(List<StoredItem> items) {
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<StoredItem> read(String items) {
        try {
            return json.readValue(items, ITEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable confirmation items", e);
        }
    }
}
