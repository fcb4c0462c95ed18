package com.topup.rules;

import java.time.Instant;

/** A rule set version as the staff API shows it (CONTRACT §3). */
public record RuleSetVersionView(String name, int version, String status, String drl, String author, String comment,
                                 Instant createdAt, String approvedBy, Instant activatedAt, Integer baseVersion,
                                 String contentHash) {

    static RuleSetVersionView of(RuleSetVersion v) {
        return new RuleSetVersionView(v.ruleSet, v.version, v.status.name(), v.drl, v.author, v.comment, v.createdAt,
                v.approvedBy, v.activatedAt, v.baseVersion, v.contentHash);
    }
}
