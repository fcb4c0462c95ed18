package com.topup.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One order as the platform's database has it: state, times, its ledger entries, its anomalies, its attempts and what
 * its last attempt says (for explaining an order that is not final).
 */
record OrderRecord(String orderId, String merchantOrderId, String status, Instant createdAt, Instant finishedAt,
                   int debits, int refunds, int recharges, List<String> anomalyKinds, int openAnomalies,
                   List<String> attemptIds, String lastAttempt, String notification) {

    boolean isFinal() {
        return status.equals("SUCCEEDED") || status.equals("FAILED");
    }

    /** Final, or held for a person with an open anomaly saying why: nothing else may remain after the settle time. */
    boolean settled() {
        return isFinal() || (status.equals("REVIEW") && openAnomalies > 0);
    }

    Duration timeToFinal() {
        return finishedAt == null ? null : Duration.between(createdAt, finishedAt);
    }

    /** Why the order is not settled, in a few words. */
    String why() {
        return status + (anomalyKinds.isEmpty() ? "" : " anomalies " + anomalyKinds + " (" + openAnomalies + " open)")
                + (lastAttempt == null ? ", no attempt" : ", last attempt " + lastAttempt);
    }
}
