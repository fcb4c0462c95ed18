package com.topup.merchant;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import com.topup.common.db.Sql;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Remembers request nonces in PostgreSQL so a replay is refused on every instance. A nonce whose
 * window has passed may be used again (the timestamp check refuses such old requests anyway).
 */
@ApplicationScoped
public class NonceRegistry {

    private final Sql sql;

    public NonceRegistry(Sql sql) {
        this.sql = sql;
    }

    /**
     * Commits without waiting for the disk: a crash can forget the nonces of the last moments before it, which
     * reopens replay only for those few requests, and only inside their 300 s timestamp window.
     *
     * @return true when the nonce is new for this merchant, false when it is a replay.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean register(long merchantId, String nonce, Instant now, Instant expiresAt) {
        sql.update("set local synchronous_commit = off");
        int rows = sql.update("""
                insert into request_nonce (merchant_id, nonce, expires_at) values (?, ?, ?)
                on conflict (merchant_id, nonce) do update set expires_at = excluded.expires_at
                where request_nonce.expires_at < ?""", merchantId, nonce, expiresAt, now);
        return rows == 1;
    }

    @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        sql.update("delete from request_nonce where expires_at < now()");
    }
}
