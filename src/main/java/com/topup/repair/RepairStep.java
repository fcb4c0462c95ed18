package com.topup.repair;

import java.time.Instant;
import java.util.List;

/** One step taken on an anomaly: a decision of the rules, what the platform did, or a person's resolution. */
public record RepairStep(long id, long anomalyId, String orderId, Instant at, String actor, String action,
                         Integer ruleVersion, List<String> firedRules, String summary) {
}
