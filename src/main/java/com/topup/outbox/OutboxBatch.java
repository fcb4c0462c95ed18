package com.topup.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;

/**
 * One relay round in one transaction: claim rows (skipping rows another instance holds), publish them,
 * delete them. If publishing fails the transaction rolls back and the rows stay for the next round.
 */
@ApplicationScoped
public class OutboxBatch {

    private final EntityManager em;
    private final EventPublisher publisher;

    public OutboxBatch(EntityManager em, EventPublisher publisher) {
        this.em = em;
        this.publisher = publisher;
    }

    /** @return how many rows were published. */
    @Transactional
    public int publishNext(int limit, Duration timeout) throws EventPublisher.PublishFailedException {
        List<?> claimed = em.createNativeQuery("""
                        select id, topic, message_key, payload from outbox_event
                        order by id limit ?1 for update skip locked""")
                .setParameter(1, limit)
                .getResultList();
        if (claimed.isEmpty()) {
            return 0;
        }
        List<OutboxRow> rows = claimed.stream().map(r -> (Object[]) r)
                .map(r -> new OutboxRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]))
                .toList();
        publisher.publishAll(rows, timeout);
        em.createNativeQuery("delete from outbox_event where id = any(?1)")
                .setParameter(1, rows.stream().mapToLong(OutboxRow::id).toArray())
                .executeUpdate();
        return rows.size();
    }

    @Transactional
    public long pending() {
        return ((Number) em.createNativeQuery("select count(*) from outbox_event").getSingleResult()).longValue();
    }
}
