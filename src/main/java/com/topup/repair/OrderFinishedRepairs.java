package com.topup.repair;

import com.topup.order.OrderFinished;
import com.topup.order.OrdersFinished;
import com.topup.rules.model.AnomalyKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An order that reaches a final state settles the anomalies that only waited for that (stuck, wrong amount, a
 * repeated submission held for review), in the transaction that finished it; the orders a step finished together are
 * looked up in one statement.
 */
@ApplicationScoped
public class OrderFinishedRepairs {

    private static final List<AnomalyKind> SETTLED_BY_FINISHING =
            List.of(AnomalyKind.STUCK_PROCESSING, AnomalyKind.AMOUNT_MISMATCH, AnomalyKind.DUPLICATE_SUBMISSION);

    private final AnomalyStore anomalies;

    public OrderFinishedRepairs(AnomalyStore anomalies) {
        this.anomalies = anomalies;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onFinished(@Observes OrdersFinished finished) {
        Instant now = Instant.now();
        Map<String, OrderFinished> byId = new HashMap<>();
        finished.orders().forEach(order -> byId.put(order.orderId(), order));
        for (AnomalyStore.OrderAnomaly open : anomalies.lockOpenOfOrders(finished.orderIds(), SETTLED_BY_FINISHING)) {
            String summary = "the order finished " + byId.get(open.orderId()).status();
            anomalies.resolve(open.id(), Resolution.AUTOMATIC, "platform", summary, summary, now);
            anomalies.step(open.id(), open.orderId(), "platform", "RESOLVED", null, List.of(), summary, now);
        }
    }
}
