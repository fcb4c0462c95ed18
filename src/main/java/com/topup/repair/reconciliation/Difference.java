package com.topup.repair.reconciliation;

import com.topup.rules.model.AnomalyKind;

/**
 * One disagreement between a supplier's statement and the platform: the anomaly kind it becomes, our reference (the
 * attempt id), the order when known, and both sides' amounts and views.
 */
public record Difference(AnomalyKind kind, String reference, String orderId, String channelReference,
                         Long statementAmount, Long ourAmount, String statementStatus, String ourStatus) {
}
