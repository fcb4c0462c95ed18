package com.topup.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

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

    private static final String INSERT = "insert into outbox_event (topic, message_key, payload) values (?, ?, ?)";

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String key, Object payload) {
        sql.update(INSERT, topic, key, serialised(payload));
        signal.afterCommit();
    }

    /** Appends several events in one round trip, in list order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<OutboxMessage> messages) {
        sql.batch(INSERT, messages.stream()
                .map(m -> new Object[] {m.topic(), m.key(), serialised(m.payload())})
                .toList());
        signal.afterCommit();
    }

    private String serialised(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload is not serialisable", e);
        }
    }
}
