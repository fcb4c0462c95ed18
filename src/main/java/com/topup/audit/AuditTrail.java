package com.topup.audit;

import com.topup.common.crypto.Hmac;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.inject.Instance;
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
    private final Instance<SecurityIdentity> identity;

    public AuditTrail(Sql sql, Instance<SecurityIdentity> identity) {
        this.sql = sql;
        this.identity = identity;
    }

    /** An action by {@code actor}; when that is the signed-in staff member, with the roles they hold. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String subject, String before, String after) {
        append(actor, rolesOf(actor), action, subject, null, before, after);
    }

    /** A staff member's (or the platform's) action with the roles they held and the reason they gave. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String action, String subject, String reason, String before, String after) {
        append(actor.name(), actor.rolesText(), action, subject, reason, before, after);
    }

    private String rolesOf(String actor) {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        try {
            SecurityIdentity current = identity.get();
            return !current.isAnonymous() && current.getPrincipal().getName().equals(actor)
                    ? new Actor(actor, current.getRoles()).rolesText() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void append(String actor, String roles, String action, String subject, String reason, String before,
                        String after) {
        sql.queryLong("select 1 from (select pg_advisory_xact_lock(?)) as locked", CHAIN_LOCK);
        String previous = sql.queryText("select hash from audit_event order by id desc limit 1");
        String previousHash = previous == null ? GENESIS : previous;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AuditContent content = new AuditContent(at, actor, roles, action, subject, reason, before, after);
        String hash = hash(previousHash, content);
        sql.update("""
                insert into audit_event (occurred_at, actor, roles, action, subject, reason, before_state, after_state,
                    previous_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", at, actor, roles, action, subject, reason, before, after,
                previousHash, hash);
    }

    /**
     * The chain link: a digest of the previous hash and every field. Roles and reason joined the trail later; an
     * entry without both hashes as entries did before them, so older entries still verify.
     */
    static String hash(String previousHash, AuditContent content) {
        String canonical = String.join("\u001f", previousHash, content.at().toString(), content.actor(),
                content.action(), content.subject(), String.valueOf(content.before()), String.valueOf(content.after()));
        if (content.roles() != null || content.reason() != null) {
            canonical = String.join("\u001f", canonical, String.valueOf(content.roles()), String.valueOf(content.reason()));
        }
        return Hmac.digestHex(canonical.getBytes(StandardCharsets.UTF_8));
    }
}
