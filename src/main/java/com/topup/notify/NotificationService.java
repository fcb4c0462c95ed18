package com.topup.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.topup.order.OrderFinished;
import com.topup.order.OrderView;
import com.topup.order.TopUpOrder;
import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signed result callbacks to merchants (CONTRACT §1). A callback is stored in the transaction that finishes the
 * order and sent after commit by {@link NotificationWorker}; nothing goes over the network inside a transaction.
 */
@ApplicationScoped
public class NotificationService {

    static final int MAX_LIST = 500;

    private final NotificationStore store;
    private final EntityManager em;
    private final ObjectMapper json;

    public NotificationService(NotificationStore store, EntityManager em, ObjectMapper json) {
        this.store = store;
        this.em = em;
        this.json = json;
    }

    /**
     * Call inside the transaction that moves an order to SUCCEEDED or FAILED, or that changes a final state:
     * stores a callback with the order as it is now and a new event id, when the order has a notifyUrl.
     *
     * @return the event id, or empty when the order has no notifyUrl.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> orderFinished(String orderId) {
        TopUpOrder order = currentOrder(orderId)
                .orElseThrow(() -> new IllegalArgumentException("No order " + orderId));
        if (!order.status.isFinal()) {
            throw new IllegalStateException("Order " + orderId + " is " + order.status + ", not final");
        }
        if (order.notifyUrl == null) {
            return Optional.empty();
        }
        return Optional.of(enqueue(order));
    }

    /**
     * As {@link #orderFinished(String)} for orders a transaction finished together, with each order as it read it:
     * no second read, and the callbacks stored in one round trip.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ordersFinished(List<OrderFinished> finished) {
        Instant now = now();
        store.createAll(finished.stream().filter(order -> order.notifyUrl() != null)
                .map(order -> notification(order.orderId(), order.merchantId(), order.notifyUrl(), order.order(), now))
                .toList());
    }

    /**
     * Staff action (audited by the caller): sends the order's current final state again, as a new callback with a
     * new event id.
     */
    @Transactional
    public NotificationView resend(String orderId) {
        TopUpOrder order = currentOrder(orderId)
                .orElseThrow(() -> new ApiException(404, "ORDER_NOT_FOUND", "No such order"));
        if (!order.status.isFinal()) {
            throw new ApiException(409, "INVALID_STATE", "Order " + orderId + " is " + order.status
                    + "; only SUCCEEDED or FAILED orders are notified", Map.of("status", order.status.name()));
        }
        if (order.notifyUrl == null) {
            throw new ApiException(409, "NO_NOTIFY_URL", "Order " + orderId + " has no notifyUrl");
        }
        String eventId = enqueue(order);
        return store.forOrder(orderId).stream().filter(n -> n.eventId().equals(eventId)).findFirst().orElseThrow();
    }

    /** Every callback of an order, oldest first, each with its attempts; 404 when there is no such order. */
    @Transactional
    public List<NotificationView> forOrder(String orderId) {
        if (em.find(TopUpOrder.class, orderId) == null) {
            throw new ApiException(404, "ORDER_NOT_FOUND", "No such order");
        }
        return store.forOrder(orderId);
    }

    /** The newest callbacks in a status (at most {@value #MAX_LIST}), each with its attempts. */
    @Transactional
    public List<NotificationView> withStatus(NotificationStatus status, int limit) {
        return store.withStatus(status, Math.max(1, Math.min(limit, MAX_LIST)));
    }

    private String enqueue(TopUpOrder order) {
        return enqueue(order.id, order.merchantId, order.notifyUrl, OrderView.of(order));
    }

    private String enqueue(String orderId, long merchantId, String notifyUrl, OrderView order) {
        NotificationStore.NewNotification notification = notification(orderId, merchantId, notifyUrl, order, now());
        store.createAll(List.of(notification));
        return notification.eventId();
    }

    private NotificationStore.NewNotification notification(String orderId, long merchantId, String notifyUrl,
                                                           OrderView order, Instant now) {
        String eventId = EventIds.next(now);
        return new NotificationStore.NewNotification(eventId, orderId, merchantId, notifyUrl, body(order, eventId), now);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private String body(OrderView order, String eventId) {
        ObjectNode body = json.valueToTree(order);
        body.put("eventId", eventId);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Order body is not serialisable", e);
        }
    }

    /** The order as this transaction sees it, including changes made through plain SQL earlier in it. */
    private Optional<TopUpOrder> currentOrder(String orderId) {
        em.flush();
        TopUpOrder order = em.find(TopUpOrder.class, orderId);
        if (order != null) {
            em.refresh(order);
        }
        return Optional.ofNullable(order);
    }
}
