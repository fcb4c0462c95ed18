package com.topup.audit;

import java.util.List;

/** A page of the audit trail, newest first; {@code nextCursor} continues it (null at the end). */
public record AuditPage(List<AuditEntryView> items, String nextCursor) {
}
