package com.topup.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Appends an event to the outbox inside the caller's transaction; {@link OutboxRelay} publishes it to Kafka. */
@ApplicationScoped
public class OutboxWriter {

    private final Sql sql;
    private final ObjectMapper json;
    private final OutboxSignal signal;

    public OutboxWriter(Sql sql, ObjectMapper json, OutboxSignal signal) {
        this.sql = sql;
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
        sql.update("insert into outbox_event (topic, message_key, payload) values (?, ?, ?)", topic, key, body);
        signal.afterCommit();
    }
}
