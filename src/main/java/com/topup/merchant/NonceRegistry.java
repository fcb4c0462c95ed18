package com.topup.merchant;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Remembers request nonces in PostgreSQL so a replay is refused on every instance. A nonce whose
 * window has passed may be used again (the timestamp check refuses such old requests anyway).
 */
@ApplicationScoped
public class NonceRegistry {

    private final EntityManager em;

    public NonceRegistry(EntityManager em) {
        this.em = em;
    }

    /** @return true when the nonce is new for this merchant, false when it is a replay. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean register(long merchantId, String nonce, Instant now, Instant expiresAt) {
        int rows = em.createNativeQuery("""
                        insert into request_nonce (merchant_id, nonce, expires_at) values (?1, ?2, ?3)
                        on conflict (merchant_id, nonce) do update set expires_at = excluded.expires_at
                        where request_nonce.expires_at < ?4""")
                .setParameter(1, merchantId)
                .setParameter(2, nonce)
                .setParameter(3, Timestamp.from(expiresAt))
                .setParameter(4, Timestamp.from(now))
                .executeUpdate();
        return rows == 1;
    }

    @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        em.createNativeQuery("delete from request_nonce where expires_at < now()").executeUpdate();
    }
}
