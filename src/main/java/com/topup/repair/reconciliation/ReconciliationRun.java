package com.topup.repair.reconciliation;

import java.time.Instant;
import java.time.LocalDate;

/** One channel's statement of one UTC day matched against the platform, with its totals (fen). */
public record ReconciliationRun(long id, String channel, LocalDate date, String status, String startedBy,
                                Instant startedAt, Instant finishedAt, int statementLines, int matched, int differences,
                                long statementTotal, long ourTotal, String error) {
}
