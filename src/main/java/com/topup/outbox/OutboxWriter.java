package com.topup.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Appends an event to the outbox inside the caller's transaction; {@link OutboxRelay} publishes it to Kafka. */
@ApplicationScoped
public class OutboxWriter {

    private final EntityManager em;
    private final ObjectMapper json;
    private final OutboxSignal signal;

    public OutboxWriter(EntityManager em, ObjectMapper json, OutboxSignal signal) {
        this.em = em;
        this.json = json;
        this.signal = signal;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String key, Object payload) {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload is not serialisable", e);
        }
        em.createNativeQuery("insert into outbox_event (topic, message_key, payload) values (?1, ?2, ?3)")
                .setParameter(1, topic)
                .setParameter(2, key)
                .setParameter(3, body)
                .executeUpdate();
        signal.afterCommit();
    }
}
