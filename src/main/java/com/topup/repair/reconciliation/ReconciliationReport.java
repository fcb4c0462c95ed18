package com.topup.repair.reconciliation;

import java.util.List;

/** A run, its differences and the channel's open claims (CONTRACT §3 {@code GET /admin/api/reconciliation}). */
public record ReconciliationReport(ReconciliationRun run, List<DifferenceView> differences, List<ClaimView> openClaims) {
}
