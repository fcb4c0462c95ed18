package com.topup.repair;

import java.util.List;
import java.util.Map;

/** A page of the operators' anomaly queue, newest first, with the open anomalies per kind (CONTRACT §3). */
public record AnomalyPage(List<AnomalyView> items, Map<String, Long> counts, Map<String, Long> amountAtStake,
                          String nextCursor) {
}
