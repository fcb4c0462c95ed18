package com.topup.audit;

import com.topup.common.crypto.Hmac;
import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends to the audit trail inside the caller's transaction. Each event's hash covers its content and the
 * previous event's hash, so a changed or deleted row breaks the chain. Appends are serialised by a
 * transaction-scoped advisory lock (audit events are rare: staff actions and rule changes).
 */
@ApplicationScoped
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final long CHAIN_LOCK = 0x70_75_64_69_74L;

    private final Sql sql;

    public AuditTrail(Sql sql) {
        this.sql = sql;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String subject, String before, String after) {
        sql.queryLong("select 1 from (select pg_advisory_xact_lock(?)) as locked", CHAIN_LOCK);
        String previous = sql.queryText("select hash from audit_event order by id desc limit 1");
        String previousHash = previous == null ? GENESIS : previous;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String hash = hash(previousHash, at, actor, action, subject, before, after);
        sql.update("""
                insert into audit_event (occurred_at, actor, action, subject, before_state, after_state, previous_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", at, actor, action, subject, before, after, previousHash, hash);
    }

    static String hash(String previousHash, Instant at, String actor, String action, String subject, String before,
                       String after) {
        String canonical = String.join("\u001f", previousHash, at.toString(), actor, action, subject,
                String.valueOf(before), String.valueOf(after));
        return Hmac.digestHex(canonical.getBytes(StandardCharsets.UTF_8));
    }
}
