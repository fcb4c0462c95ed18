package com.topup.repair.reconciliation;

/** A difference of a run with the anomaly it became. */
public record DifferenceView(String kind, String reference, String orderId, String channelReference,
                             Long statementAmount, Long ourAmount, String statementStatus, String ourStatus,
                             Long anomalyId, String anomalyStatus) {
}
