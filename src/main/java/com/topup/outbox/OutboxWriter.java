package com.topup.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.common.db.Sql;
import com.topup.common.tx.TransactionResources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends events to the outbox inside the caller's transaction; {@link OutboxRelay} publishes them to Kafka. The
 * events a transaction appends one at a time are written together, in one round trip, just before it commits (a
 * transaction that moves several orders writes their events at once); they commit or roll back with it either way.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String INSERT = "insert into outbox_event (topic, message_key, payload) values (?, ?, ?)";

    private final Object pendingKey = new Object();
    private final Sql sql;
    private final ObjectMapper json;
    private final OutboxSignal signal;
    private final TransactionSynchronizationRegistry registry;

    public OutboxWriter(Sql sql, ObjectMapper json, OutboxSignal signal, TransactionSynchronizationRegistry registry) {
        this.sql = sql;
        this.json = json;
        this.signal = signal;
        this.registry = registry;
    }

    /** Written with the transaction's other appended events when it commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String key, Object payload) {
        pending().add(new Object[] {topic, key, serialised(payload)});
    }

    /**
     * Writes these events now, in list order, after any the transaction appended before them (the relay publishes in
     * the order written): for a caller that must write them before a later statement of its transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<OutboxMessage> messages) {
        PendingEvents pending = pending();
        messages.forEach(m -> pending.add(new Object[] {m.topic(), m.key(), serialised(m.payload())}));
        pending.write();
    }

    private PendingEvents pending() {
        return TransactionResources.writtenBeforeCommit(registry, pendingKey, () -> {
            signal.afterCommit();
            return new PendingEvents();
        }, PendingEvents::write);
    }

    private String serialised(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload is not serialisable", e);
        }
    }

    /** The events of one transaction not written yet. */
    private final class PendingEvents {
        private final List<Object[]> rows = new ArrayList<>();

        void add(Object[] row) {
            rows.add(row);
        }

        void write() {
            if (!rows.isEmpty()) {
                sql.batch(INSERT, List.copyOf(rows));
                rows.clear();
            }
        }
    }
}
