package com.topup.outbox;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;

/**
 * One relay round in one transaction: claim rows (skipping rows another instance holds), publish them,
 * delete them. If publishing fails the transaction rolls back and the rows stay for the next round.
 */
@ApplicationScoped
public class OutboxBatch {

    private final Sql sql;
    private final EventPublisher publisher;

    public OutboxBatch(Sql sql, EventPublisher publisher) {
        this.sql = sql;
        this.publisher = publisher;
    }

    /** @return how many rows were published. */
    @Transactional
    public int publishNext(int limit, Duration timeout) throws EventPublisher.PublishFailedException {
        List<OutboxRow> rows = sql.query("""
                        select id, topic, message_key, payload from outbox_event
                        order by id limit ? for update skip locked""",
                row -> new OutboxRow(row.getLong("id"), row.getString("topic"), row.getString("message_key"),
                        row.getString("payload")),
                limit);
        if (rows.isEmpty()) {
            return 0;
        }
        publisher.publishAll(rows, timeout);
        Long[] published = rows.stream().map(OutboxRow::id).toArray(Long[]::new);
        sql.update("delete from outbox_event where id = any(?)", (Object) published);
        return rows.size();
    }

    @Transactional
    public long pending() {
        return sql.queryLong("select count(*) from outbox_event");
    }
}
