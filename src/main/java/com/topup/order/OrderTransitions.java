package com.topup.order;

import com.topup.common.db.Sql;
import com.topup.merchant.LedgerService;
import com.topup.outbox.OutboxWriter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order's state machine after intake. Every move is a guarded update (expected states, version bumped) inside
 * the caller's transaction, which has locked the order with {@link #lockForWork}; a move that does not apply (a
 * late callback, a second instance, a repair) changes nothing and says so. Each change goes to
 * topup.order-events through the outbox; a final state also tells {@link OrdersFinished} observers (the merchant
 * callback, the repairs it settles) in the same transaction, once for the orders a step moved together.
 */
@ApplicationScoped
public class OrderTransitions {

    private final Sql sql;
    private final LedgerService ledger;
    private final OutboxWriter outbox;
    private final Event<OrdersFinished> finished;
    private final MeterRegistry metrics;

    public OrderTransitions(Sql sql, LedgerService ledger, OutboxWriter outbox, Event<OrdersFinished> finished,
                            MeterRegistry metrics) {
        this.sql = sql;
        this.ledger = ledger;
        this.outbox = outbox;
        this.finished = finished;
        this.metrics = metrics;
    }

    private static final String WORK_ORDER = """
            select o.id, o.merchant_id, m.code as merchant_code, m.tier, o.phone_cipher, o.carrier, o.province,
                   o.city, o.face_value, o.price, o.status, o.attempt_count, o.created_at, o.retry_at,
                   o.retry_round_from, o.excluded_channels
            from topup_order o join merchant m on m.id = o.merchant_id
            """;

    /** Locks the order row for the rest of the transaction and returns what work on it needs. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<WorkOrder> lockForWork(String orderId) {
        return sql.queryOne(WORK_ORDER + "where o.id = ? for update of o", OrderTransitions::workOrder, orderId);
    }

    /**
     * As {@link #lockForWork} for several orders in one round trip: locked in id order (so two such transactions never
     * wait for each other in a cycle) and returned in that order; ids of no order are left out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<WorkOrder> lockAllForWork(Collection<String> orderIds) {
        return sql.query(WORK_ORDER + "where o.id = any(?) order by o.id for update of o", OrderTransitions::workOrder,
                (Object) orderIds.toArray(String[]::new));
    }

    private static WorkOrder workOrder(ResultSet row) throws SQLException {
        return new WorkOrder(row.getString("id"), row.getLong("merchant_id"), row.getString("merchant_code"),
                row.getString("tier"), row.getBytes("phone_cipher"), row.getString("carrier"),
                row.getString("province"), row.getString("city"), row.getLong("face_value"), row.getLong("price"),
                OrderStatus.valueOf(row.getString("status")), row.getInt("attempt_count"),
                Sql.instant(row, "created_at"), Sql.instant(row, "retry_at"), row.getInt("retry_round_from"),
                List.of((String[]) row.getArray("excluded_channels").getArray()));
    }

    /** A new attempt starting on an order: the order as locked, and the attempt's channel. */
    public record AttemptStart(WorkOrder order, String channelCode) {
    }

    /**
     * New attempts start on orders locked by {@link #lockAllForWork}, all moved in one statement: PENDING or
     * PROCESSING → PROCESSING. The orders that were PENDING publish ORDER_PROCESSING, in the order given. Every order
     * must move; one that does not (it is not locked by this transaction) fails the transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void startAttempts(List<AttemptStart> starts, Instant now) {
        if (starts.isEmpty()) {
            return;
        }
        Map<String, CurrentOrder> moved = moveAll("""
                update topup_order o set status = 'PROCESSING', attempt_count = o.attempt_count + 1, retry_at = null,
                    channel_code = s.channel_code, updated_at = ?, version = o.version + 1
                from merchant m, unnest(?::text[], ?::text[]) as s(id, channel_code)
                where o.id = s.id and m.id = o.merchant_id and o.status in ('PENDING', 'PROCESSING')
                returning %s, o.merchant_id, o.notify_url""".formatted(OrderRows.VIEW_COLUMNS), starts.size(),
                now, starts.stream().map(s -> s.order().id()).toArray(String[]::new),
                starts.stream().map(AttemptStart::channelCode).toArray(String[]::new));
        for (AttemptStart start : starts) {
            if (start.order().status() == OrderStatus.PENDING) {
                publish(moved.get(start.order().id()), "ORDER_PROCESSING");
            }
        }
    }

    /** The order waits for a persisted retry time; a scheduler dispatches it again then. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean retryAt(String orderId, Instant at, Instant now) {
        int moved = sql.update("""
                update topup_order set status = 'PROCESSING', retry_at = ?, updated_at = ?, version = version + 1
                where id = ? and status in ('PENDING', 'PROCESSING')""", at, now, orderId);
        return moved == 1;
    }

    /** PROCESSING (or REVIEW, by an operator or a repair) → SUCCEEDED. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean succeed(String orderId, Instant now) {
        Optional<CurrentOrder> moved = move(SUCCEED, "'PROCESSING', 'REVIEW'", orderId, now, now);
        moved.ifPresent(order -> publishFinal(List.of(order), OrderStatus.SUCCEEDED));
        return moved.isPresent();
    }

    private static final String SUCCEED = """
            status = 'SUCCEEDED', failure_code = null, retry_at = null, finished_at = ?, updated_at = ?,
            version = o.version + 1""";

    /**
     * Orders locked by {@link #lockAllForWork} succeed together, in one statement: PROCESSING → SUCCEEDED, each
     * published and told to the observers in the order given. Every order must move; one that does not (it is not
     * PROCESSING, or not locked by this transaction) fails the transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeedAll(List<String> orderIds, Instant now) {
        if (orderIds.isEmpty()) {
            return;
        }
        Map<String, CurrentOrder> moved = moveAll("""
                update topup_order o set %s from merchant m
                where m.id = o.merchant_id and o.id = any(?) and o.status = 'PROCESSING'
                returning %s, o.merchant_id, o.notify_url""".formatted(SUCCEED, OrderRows.VIEW_COLUMNS), orderIds.size(),
                now, now, orderIds.toArray(String[]::new));
        publishFinal(orderIds.stream().map(moved::get).toList(), OrderStatus.SUCCEEDED);
    }

    /** Not final yet → FAILED, and the price goes back to the merchant's balance in the same transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean failAndRefund(String orderId, String failureCode, Instant now) {
        Optional<CurrentOrder> moved = move("""
                status = 'FAILED', failure_code = ?, retry_at = null, finished_at = ?, updated_at = ?,
                version = o.version + 1""", "'PENDING', 'PROCESSING', 'REVIEW'", orderId, failureCode, now, now);
        moved.ifPresent(order -> {
            ledger.refundOrder(order.merchantId(), order.view().price(), orderId);
            publishFinal(List.of(order), OrderStatus.FAILED);
        });
        return moved.isPresent();
    }

    /**
     * REVIEW → PROCESSING by an operator's retry: a new round of attempts in which the excluded channels are not
     * tried; the caller sends the order to dispatch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean resumeFromReview(String orderId, List<String> excludedChannels, Instant now) {
        Optional<CurrentOrder> moved = move("""
                status = 'PROCESSING', failure_code = null, retry_at = null, retry_round_from = o.attempt_count,
                excluded_channels = ?, updated_at = ?, version = o.version + 1""", "'REVIEW'", orderId,
                excludedChannels.toArray(String[]::new), now);
        moved.ifPresent(order -> publish(order, "ORDER_PROCESSING"));
        return moved.isPresent();
    }

    /**
     * FAILED → SUCCEEDED when the top-up turned out to have happened and an operator decided the merchant pays
     * after all: the price is debited again (refused with INSUFFICIENT_BALANCE, changing nothing) in the same
     * transaction, and the merchant is told the new final state.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean succeedAfterRecharge(String orderId, Instant now) {
        Optional<CurrentOrder> moved = move("""
                status = 'SUCCEEDED', failure_code = null, finished_at = ?, updated_at = ?, version = o.version + 1""",
                "'FAILED'", orderId, now, now);
        moved.ifPresent(order -> {
            ledger.rechargeOrder(order.merchantId(), order.view().price(), orderId);
            publishFinal(List.of(order), OrderStatus.SUCCEEDED);
        });
        return moved.isPresent();
    }

    /** Not final yet → REVIEW: a person decides. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean holdForReview(String orderId, String reasonCode, Instant now) {
        Optional<CurrentOrder> moved = move("""
                status = 'REVIEW', failure_code = ?, retry_at = null, updated_at = ?, version = o.version + 1""",
                "'PENDING', 'PROCESSING'", orderId, reasonCode, now);
        moved.ifPresent(order -> publish(order, "ORDER_REVIEW"));
        return moved.isPresent();
    }

    /**
     * One guarded move: sets {@code assignments} on the order if its status is one of {@code fromStatuses}, and
     * returns the order as it is after the move, in the same statement (empty when the move did not apply).
     */
    private Optional<CurrentOrder> move(String assignments, String fromStatuses, String orderId, Object... values) {
        Object[] params = Arrays.copyOf(values, values.length + 1);
        params[values.length] = orderId;
        return sql.queryOne("update topup_order o set " + assignments + " from merchant m"
                        + " where m.id = o.merchant_id and o.id = ? and o.status in (" + fromStatuses + ")"
                        + " returning " + OrderRows.VIEW_COLUMNS + ", o.merchant_id, o.notify_url",
                OrderTransitions::currentOrder, params);
    }

    /**
     * Runs a guarded move of several orders that returns each moved order, by id. All {@code expected} must move;
     * one that does not (not in a state the move starts from, or not locked by this transaction) fails it.
     */
    private Map<String, CurrentOrder> moveAll(String statement, int expected, Object... params) {
        Map<String, CurrentOrder> moved = new HashMap<>();
        sql.query(statement, OrderTransitions::currentOrder, params)
                .forEach(order -> moved.put(order.view().orderId(), order));
        if (moved.size() != expected) {
            throw new IllegalStateException("Only " + moved.size() + " of " + expected + " orders moved; the others are"
                    + " not where the move starts, or not locked by this transaction");
        }
        return moved;
    }

    private static CurrentOrder currentOrder(ResultSet row) throws SQLException {
        return new CurrentOrder(OrderRows.view(row), row.getString("merchant_code"), row.getLong("merchant_id"),
                row.getString("notify_url"));
    }

    /** Puts the order's new state on topup.order-events. */
    private void publish(CurrentOrder order, String type) {
        outbox.append(OrderStore.ORDER_EVENTS_TOPIC, order.view().orderId(), OrderEvent.of(type, order.merchantCode(), order.view()));
    }

    /** Publishes the orders' final state and tells the observers once, with the orders as this transaction left them. */
    private void publishFinal(List<CurrentOrder> orders, OrderStatus status) {
        orders.forEach(order -> publish(order, "ORDER_" + status.name()));
        finished.fire(new OrdersFinished(orders.stream().map(order -> new OrderFinished(order.view().orderId(), status,
                order.view(), order.merchantId(), order.notifyUrl())).toList()));
        metrics.counter("topup_orders_finished_total", "status", status.name()).increment(orders.size());
    }

    private record CurrentOrder(OrderView view, String merchantCode, long merchantId, String notifyUrl) {
    }
}
