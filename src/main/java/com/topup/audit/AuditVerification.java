package com.topup.audit;

/** Whether the hash chain holds over every entry, and the first entry that breaks it (CONTRACT §3). */
public record AuditVerification(boolean intact, long entries, Long firstBroken) {
}
