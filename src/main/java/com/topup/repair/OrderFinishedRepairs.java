package com.topup.repair;

import com.topup.order.OrderFinished;
import com.topup.rules.model.AnomalyKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * An order that reaches a final state settles the anomalies that only waited for that (stuck, wrong amount, a
 * repeated submission held for review), in the transaction that finished it.
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
    void onFinished(@Observes OrderFinished finished) {
        Instant now = Instant.now();
        for (long id : anomalies.lockOpenOfOrder(finished.orderId(), SETTLED_BY_FINISHING)) {
            String summary = "the order finished " + finished.status();
            anomalies.resolve(id, Resolution.AUTOMATIC, "platform", summary, summary, now);
            anomalies.step(id, finished.orderId(), "platform", "RESOLVED", null, List.of(), summary, now);
        }
    }
}
