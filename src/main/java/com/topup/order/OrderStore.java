package com.topup.order;

import com.topup.common.db.Sql;
import com.topup.merchant.LedgerService;
import com.topup.outbox.OutboxWriter;
import com.topup.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Objects;

/**
 * Persists a new order, its debit and its outbox events in one transaction, idempotently per merchant and
 * merchantOrderId: a concurrent or repeated identical request gets the original order and nothing is charged twice.
 */
@ApplicationScoped
public class OrderStore {

    public static final String DISPATCH_TOPIC = "topup.dispatch";
    public static final String ORDER_EVENTS_TOPIC = "topup.order-events";

    private final Sql sql;
    private final LedgerService ledger;
    private final OutboxWriter outbox;

    private final MeterRegistry metrics;

    public OrderStore(Sql sql, LedgerService ledger, OutboxWriter outbox, MeterRegistry metrics) {
        this.metrics = metrics;
        this.sql = sql;
        this.ledger = ledger;
        this.outbox = outbox;
    }

    @Transactional
    public IntakeResult create(NewOrder order) {
        int inserted = sql.update("""
                        insert into topup_order (id, merchant_id, merchant_order_id, phone_cipher, phone_hash, phone_masked,
                            country, carrier, province, city, face_value, price, notify_url, status, version, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                        on conflict (merchant_id, merchant_order_id) do nothing""",
                order.id(), order.merchantId(), order.merchantOrderId(), order.phoneCipher(), order.phoneHash(),
                order.phoneMasked(), order.country(), order.carrier(), order.province(), order.city(), order.faceValue(),
                order.price(), order.notifyUrl(), order.createdAt(), order.createdAt());
        if (inserted == 0) {
            return existing(order);
        }
        OrderView view = order.view();
        outbox.append(DISPATCH_TOPIC, order.id(), new DispatchRequest(order.id(), order.merchantId(), order.carrier(),
                order.province(), order.faceValue(), order.createdAt()));
        outbox.append(ORDER_EVENTS_TOPIC, order.id(), OrderEvent.of("ORDER_ACCEPTED", order.merchantCode(), view));
        // last: the merchant's balance row stays locked until the commit, and all of a merchant's orders need it
        ledger.debitForOrder(order.merchantId(), order.price(), order.id());
        metrics.counter("topup_orders_accepted_total", "carrier", order.carrier()).increment();
        return new IntakeResult(view, true);
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
