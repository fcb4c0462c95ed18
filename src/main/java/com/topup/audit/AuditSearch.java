package com.topup.audit;

import java.time.Instant;

/** Filters of the audit search; null means any. {@code target} matches the subject exactly or as its prefix. */
public record AuditSearch(String actor, String action, String target, Instant from, Instant to, Long before, int limit) {
}
