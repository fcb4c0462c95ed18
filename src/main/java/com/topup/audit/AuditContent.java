package com.topup.audit;

import java.time.Instant;

/** What one audit entry says, as its hash covers it. */
record AuditContent(Instant at, String actor, String roles, String action, String subject, String reason,
                    String before, String after) {
}
