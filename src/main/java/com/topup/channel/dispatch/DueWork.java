package com.topup.channel.dispatch;

import com.topup.common.db.Sql;
import com.topup.order.DispatchRequest;
import com.topup.order.OrderStore;
import com.topup.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Work that falls due with time, claimed cluster-safely (SKIP LOCKED, and the claim itself moves the row out of
 * the "due" set in the same transaction): orders whose retry time has come, orders left PENDING (a dispatch that
 * broke), and attempts left SUBMITTING by an instance that stopped in the middle of a call.
 */
@ApplicationScoped
public class DueWork {

    /** An order still PENDING this long after its last change is dispatched again. */
    static final Duration ORPHAN_AFTER = Duration.ofSeconds(60);
    /** Orphans sent back per poll: a backlog drains steadily instead of flooding the dispatch topic. */
    static final int ORPHANS_PER_POLL = 5;
    /** An attempt SUBMITTING this long is treated as an unknown outcome and queried. */
    static final Duration ABANDONED_SUBMIT_AFTER = Duration.ofSeconds(60);

    private final Sql sql;
    private final OutboxWriter outbox;

    public DueWork(Sql sql, OutboxWriter outbox) {
        this.sql = sql;
        this.outbox = outbox;
    }

    /**
     * Sends back to dispatch the orders left PROCESSING with nothing under way: their last attempt ended, no retry
     * is due and nothing moved them for {@link #ORPHAN_AFTER}. That happens when the dispatch message that was to
     * carry out the fallback's next channel was read but its dispatch failed (the database out of connections, the
     * instance killed); a message still on its way finds the order planned and changes nothing.
     *
     * @return the orders sent back to dispatch
     */
    @Transactional
    public List<String> redispatchStranded(int limit) {
        Instant now = Instant.now();
        List<DispatchRequest> stranded = sql.query("""
                        update topup_order set updated_at = ?
                        where id in (select o.id from topup_order o
                                     where o.status = 'PROCESSING' and o.retry_at is null and o.updated_at < ?
                                       and not exists (select 1 from channel_attempt a where a.order_id = o.id
                                                       and a.status in ('SUBMITTING', 'PROCESSING', 'SUCCEEDED'))
                                     order by o.updated_at limit ? for update skip locked)
                        returning id, merchant_id, carrier, province, face_value, created_at""",
                DueWork::dispatchRequest, now, now.minus(ORPHAN_AFTER), limit);
        stranded.forEach(request -> outbox.append(OrderStore.DISPATCH_TOPIC, request.orderId(), request));
        return stranded.stream().map(DispatchRequest::orderId).toList();
    }

    /** @return how many orders were sent back to dispatch. */
    @Transactional
    public int redispatchDue(int limit) {
        Instant now = Instant.now();
        List<DispatchRequest> due = sql.query("""
                        update topup_order set retry_at = null, updated_at = ?
                        where id in (select id from topup_order where retry_at <= ? and status = 'PROCESSING'
                                     order by retry_at limit ? for update skip locked)
                        returning id, merchant_id, carrier, province, face_value, created_at""",
                DueWork::dispatchRequest, now, now, limit);
        List<DispatchRequest> orphans = sql.query("""
                        update topup_order set updated_at = ?
                        where id in (select id from topup_order where status = 'PENDING' and updated_at < ?
                                     order by updated_at limit ? for update skip locked)
                        returning id, merchant_id, carrier, province, face_value, created_at""",
                DueWork::dispatchRequest, now, now.minus(ORPHAN_AFTER),
                Math.min(limit, ORPHANS_PER_POLL));
        due.forEach(request -> outbox.append(OrderStore.DISPATCH_TOPIC, request.orderId(), request));
        orphans.forEach(request -> outbox.append(OrderStore.DISPATCH_TOPIC, request.orderId(), request));
        sql.update("""
                update channel_attempt set status = 'PROCESSING', error_class = 'UNKNOWN', next_query_at = ?,
                    version = version + 1
                where status = 'SUBMITTING' and started_at < ?""", now, now.minus(ABANDONED_SUBMIT_AFTER));
        return due.size() + orphans.size();
    }

    /** The columns every claim here returns: {@code id, merchant_id, carrier, province, face_value, created_at}. */
    private static DispatchRequest dispatchRequest(ResultSet row) throws SQLException {
        return new DispatchRequest(row.getString("id"), row.getLong("merchant_id"), row.getString("carrier"),
                row.getString("province"), row.getLong("face_value"), Sql.instant(row, "created_at"));
    }
}
