package com.topup.repair;

import java.util.List;

/** One anomaly with every step taken on it. */
public record AnomalyDetail(AnomalyView anomaly, List<RepairStep> steps) {
}
