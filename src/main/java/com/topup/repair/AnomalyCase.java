package com.topup.repair;

import com.topup.channel.dispatch.Attempt;
import com.topup.order.WorkOrder;
import com.topup.rules.model.AnomalyFact;
import com.topup.rules.model.AnomalyKind;
import java.util.Map;

/**
 * An anomaly as found, before it is recorded: what the rules will see ({@code fact}), the locked order and the
 * attempt concerned when there are such, and what identifies it so a repeated report is recorded once.
 *
 * @param dedupeKey     one anomaly per key: e.g. the attempt for a stuck order, the second reference for a duplicate
 * @param reference     the attempt id (our reference towards the channel), when one is concerned
 * @param amountAtStake fen the platform or the merchant stands to lose until it is resolved
 */
public record AnomalyCase(AnomalyKind kind, String dedupeKey, WorkOrder order, Attempt attempt, String channel,
                          String reference, String channelReference, long amountAtStake, AnomalyFact fact,
                          Map<String, Object> details) {

    public String orderId() {
        return order == null ? fact.getOrderId() : order.id();
    }
}
