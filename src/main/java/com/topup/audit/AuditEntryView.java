package com.topup.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** One audit entry as auditors see it (CONTRACT §3), with the field-level diff of its before and after. */
public record AuditEntryView(long id, Instant at, String actor, List<String> roles, String action, String target,
                             String reason, JsonNode before, JsonNode after, List<AuditDiff.Change> diff) {
}
