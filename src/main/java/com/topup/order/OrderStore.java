package com.topup.order;

import com.topup.common.db.Sql;
import com.topup.merchant.LedgerService;
import com.topup.outbox.OutboxMessage;
import com.topup.outbox.OutboxWriter;
import com.topup.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Persists a new order, its debit and its outbox events in one transaction, idempotently per merchant and
 * merchantOrderId: a concurrent or repeated identical request gets the original order and nothing is charged twice.
 */
@ApplicationScoped
public class OrderStore {

    public static final String DISPATCH_TOPIC = "topup.dispatch";
    public static final String ORDER_EVENTS_TOPIC = "topup.order-events";

    private static final String INSERT_ORDER = """
            insert into topup_order (id, merchant_id, merchant_order_id, phone_cipher, phone_hash, phone_masked,
                country, carrier, province, city, face_value, price, notify_url, status, version, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
            on conflict (merchant_id, merchant_order_id) do nothing""";

    private final Sql sql;
    private final LedgerService ledger;
    private final OutboxWriter outbox;

    private final MeterRegistry metrics;

    public OrderStore(Sql sql, LedgerService ledger, OutboxWriter outbox, MeterRegistry metrics) {
        this.sql = sql;
        this.ledger = ledger;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    @Transactional
    public IntakeResult create(NewOrder order) {
        if (sql.update(INSERT_ORDER, insertParameters(order)) == 0) {
            return existing(order);
        }
        outbox.appendAll(events(order));
        // last: the merchant's balance row stays locked until the commit, and all of a merchant's orders need it
        ledger.debitForOrder(order.merchantId(), order.price(), order.id());
        counted(order);
        return new IntakeResult(order.view(), true);
    }

    /**
     * Stores one merchant's orders together in one transaction (one commit, one debit statement) when none of their
     * merchantOrderIds was used before and the balance covers them all. Otherwise writes nothing and answers empty:
     * the caller then places them one by one, where a repeat, a conflict or a short balance is each order's own answer.
     */
    @Transactional
    public Optional<List<OrderView>> createAll(List<NewOrder> orders) {
        // in merchantOrderId order, so two batches sharing ids never wait for each other's in a cycle
        int[] inserted = sql.batch(INSERT_ORDER, orders.stream().sorted(Comparator.comparing(NewOrder::merchantOrderId))
                .map(OrderStore::insertParameters).toList());
        if (Arrays.stream(inserted).anyMatch(count -> count != 1)) {
            QuarkusTransaction.setRollbackOnly();
            return Optional.empty();
        }
        outbox.appendAll(orders.stream().flatMap(order -> events(order).stream()).toList());
        // last, as for one order: the balance row stays locked only until the commit
        if (!ledger.debitForOrders(orders.get(0).merchantId(), orders.stream().map(NewOrder::id).toList(),
                orders.stream().map(NewOrder::price).toList())) {
            QuarkusTransaction.setRollbackOnly();
            return Optional.empty();
        }
        orders.forEach(this::counted);
        return Optional.of(orders.stream().map(NewOrder::view).toList());
    }

    /**
     * Stores each order with its own outcome: all together in one transaction when they can be ({@link #createAll}),
     * else one by one, where a repeat, a conflict or a short balance refuses only its own order. Outside any
     * transaction: each of those is its own.
     */
    public List<StoredOrder> createEach(List<NewOrder> orders) {
        Optional<List<OrderView>> together = orders.size() == 1 ? Optional.empty() : createAll(orders);
        if (together.isPresent()) {
            return together.get().stream().map(view -> StoredOrder.stored(new IntakeResult(view, true))).toList();
        }
        return orders.stream().map(this::createAlone).toList();
    }

    private StoredOrder createAlone(NewOrder order) {
        try {
            return StoredOrder.stored(create(order));
        } catch (RuntimeException e) {
            return StoredOrder.failed(e);
        }
    }

    private static Object[] insertParameters(NewOrder order) {
        return new Object[] {order.id(), order.merchantId(), order.merchantOrderId(), order.phoneCipher(),
                order.phoneHash(), order.phoneMasked(), order.country(), order.carrier(), order.province(), order.city(),
                order.faceValue(), order.price(), order.notifyUrl(), order.createdAt(), order.createdAt()};
    }

    private static List<OutboxMessage> events(NewOrder order) {
        return List.of(
                new OutboxMessage(DISPATCH_TOPIC, order.id(), new DispatchRequest(order.id(), order.merchantId(),
                        order.carrier(), order.province(), order.faceValue(), order.createdAt())),
                new OutboxMessage(ORDER_EVENTS_TOPIC, order.id(),
                        OrderEvent.of("ORDER_ACCEPTED", order.merchantCode(), order.view())));
    }

    private void counted(NewOrder order) {
        metrics.counter("topup_orders_accepted_total", "carrier", order.carrier()).increment();
    }

    private IntakeResult existing(NewOrder attempt) {
        TopUpOrder original = TopUpOrder.<TopUpOrder>find("merchantId = ?1 and merchantOrderId = ?2",
                attempt.merchantId(), attempt.merchantOrderId()).singleResult();
        boolean same = original.phoneHash.equals(attempt.phoneHash())
                && original.faceValue == attempt.faceValue()
                && Objects.equals(original.notifyUrl, attempt.notifyUrl());
        if (!same) {
            throw new ApiException(409, "DUPLICATE_MERCHANT_ORDER_ID",
                    "merchantOrderId " + attempt.merchantOrderId() + " was already used for a different order",
                    Map.of("orderId", original.id));
        }
        return new IntakeResult(OrderView.of(original), false);
    }
}
