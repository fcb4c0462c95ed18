package com.topup.rules;

import com.topup.audit.AuditTrail;
import com.topup.common.crypto.Hmac;
import com.topup.outbox.OutboxWriter;
import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule set versions in PostgreSQL. Every change of state is a guarded transition (expected status in the
 * same statement), so two approvers or two instances never both win, and each is written to the audit trail.
 */
@ApplicationScoped
public class RuleSetStore {

    public static final String RULES_CHANGED_TOPIC = "topup.rules-changed";

    private final AuditTrail audit;
    private final OutboxWriter outbox;

    public RuleSetStore(AuditTrail audit, OutboxWriter outbox) {
        this.audit = audit;
        this.outbox = outbox;
    }

    @Transactional
    public List<RuleSetVersion> versions(String ruleSet) {
        return RuleSetVersion.<RuleSetVersion>find("ruleSet = ?1 order by version desc", ruleSet).list();
    }

    @Transactional
    public RuleSetVersion version(String ruleSet, int version) {
        return RuleSetVersion.<RuleSetVersion>find("ruleSet = ?1 and version = ?2", ruleSet, version).firstResultOptional()
                .orElseThrow(() -> new ApiException(404, "VERSION_NOT_FOUND", ruleSet + " has no version " + version));
    }

    @Transactional
    public Optional<RuleSetVersion> active(String ruleSet) {
        return RuleSetVersion.<RuleSetVersion>find("ruleSet = ?1 and status = ?2", ruleSet, RuleSetStatus.ACTIVE)
                .firstResultOptional();
    }

    @Transactional
    public List<RuleSetVersion> submitted() {
        return RuleSetVersion.<RuleSetVersion>find("status", RuleSetStatus.SUBMITTED).list();
    }

    /** Rule set → active version number, for the sync timer (one query). */
    @Transactional
    public Map<String, Integer> activeVersions() {
        List<RuleSetVersion> active = RuleSetVersion.<RuleSetVersion>find("status", RuleSetStatus.ACTIVE).list();
        return active.stream().collect(java.util.stream.Collectors.toMap(v -> v.ruleSet, v -> v.version));
    }

    /** What {@link #seed} did. */
    public enum Seeding {
        /** A fresh rule set: the earlier seed versions stored as RETIRED, the current one ACTIVE. */
        SEEDED,
        /** The rule set has versions, none with the current seed's text: it was submitted for approval. */
        PROPOSED,
        /** The current seed's text is already a version of the rule set (whatever its status). */
        UNCHANGED
    }

    /**
     * Seeds a rule set. On a fresh database the earlier seed versions are stored first (v1, v2 … RETIRED, so a
     * rollback reaches them) and the current one last, ACTIVE. A rule set that already has versions keeps them all
     * and its active version: a current seed it does not have yet is only submitted, by {@code system}, for an
     * approver to publish or reject. Safe when instances start together (one insert wins, the others fail on the
     * version's uniqueness).
     */
    @Transactional
    public Seeding seed(SeedRules seed) {
        String ruleSet = seed.ruleSet();
        List<RuleSetVersion> existing = RuleSetVersion.<RuleSetVersion>find("ruleSet = ?1 order by version", ruleSet).list();
        if (existing.isEmpty()) {
            int number = 1;
            for (String earlier : seed.earlier()) {
                RuleSetVersion retired = newVersion(ruleSet, number++, earlier, "system",
                        "earlier seed from src/main/resources/rules/earlier, kept for rollback", null);
                retired.status = RuleSetStatus.RETIRED;
                retired.activatedAt = retired.createdAt;
                retired.persist();
            }
            RuleSetVersion live = newVersion(ruleSet, number, seed.current(), "system", "seed from src/main/resources/rules",
                    seed.earlier().isEmpty() ? null : number - 1);
            live.status = RuleSetStatus.ACTIVE;
            live.activatedAt = live.createdAt;
            live.persist();
            RuleSetVersion.flush();
            audit.record("system", "RULESET_SEEDED", ruleSet + " v" + number,
                    seed.earlier().isEmpty() ? null : "earlier seeds v1-v" + (number - 1) + " RETIRED", "ACTIVE");
            return Seeding.SEEDED;
        }
        String hash = Hmac.digestHex(seed.current().getBytes(StandardCharsets.UTF_8));
        if (existing.stream().anyMatch(v -> v.contentHash.equals(hash))) {
            return Seeding.UNCHANGED;
        }
        Integer active = existing.stream().filter(v -> v.status == RuleSetStatus.ACTIVE).map(v -> v.version)
                .findFirst().orElse(null);
        RuleSetVersion proposal = newVersion(ruleSet, existing.get(existing.size() - 1).version + 1, seed.current(),
                "system", "new seed from src/main/resources/rules, submitted for approval", active);
        proposal.status = RuleSetStatus.SUBMITTED;
        proposal.submittedAt = proposal.createdAt;
        proposal.persist();
        RuleSetVersion.flush();
        audit.record("system", "RULESET_SUBMITTED", ruleSet + " v" + proposal.version,
                active == null ? null : "active v" + active, "SUBMITTED");
        return Seeding.PROPOSED;
    }

    @Transactional
    public RuleSetVersion createDraft(String ruleSet, String drl, String comment, Integer baseVersion, String author) {
        Integer latest = RuleSetVersion.<RuleSetVersion>find("ruleSet = ?1 order by version desc", ruleSet)
                .firstResultOptional().map(v -> v.version).orElse(0);
        RuleSetVersion draft = newVersion(ruleSet, latest + 1, drl, author, comment, baseVersion);
        draft.persist();
        RuleSetVersion.flush();
        audit.record(author, "RULESET_DRAFTED", ruleSet + " v" + draft.version, baseVersion == null ? null : "base v" + baseVersion, "DRAFT");
        return draft;
    }

    @Transactional
    public RuleSetVersion submit(String ruleSet, int version, String actor) {
        RuleSetVersion draft = locked(ruleSet, version);
        if (!draft.author.equals(actor)) {
            throw new ApiException(403, "FORBIDDEN", "Only the author of a draft submits it");
        }
        expect(draft, RuleSetStatus.DRAFT);
        refuseStaleBase(draft);
        draft.status = RuleSetStatus.SUBMITTED;
        draft.submittedAt = Instant.now();
        audit.record(actor, "RULESET_SUBMITTED", ruleSet + " v" + version, "DRAFT", "SUBMITTED");
        return draft;
    }

    @Transactional
    public RuleSetVersion approve(String ruleSet, int version, String approver) {
        RuleSetVersion submitted = locked(ruleSet, version);
        if (submitted.author.equals(approver)) {
            throw new ApiException(409, "SELF_APPROVAL", "An author cannot approve their own version");
        }
        expect(submitted, RuleSetStatus.SUBMITTED);
        refuseStaleBase(submitted);
        Integer before = activate(submitted, approver);
        audit.record(approver, "RULESET_APPROVED", ruleSet + " v" + version,
                before == null ? null : "active v" + before, "active v" + version);
        return submitted;
    }

    @Transactional
    public RuleSetVersion reject(String ruleSet, int version, String approver, String comment) {
        RuleSetVersion submitted = locked(ruleSet, version);
        expect(submitted, RuleSetStatus.SUBMITTED);
        submitted.status = RuleSetStatus.REJECTED;
        submitted.decidedAt = Instant.now();
        submitted.approvedBy = approver;
        audit.record(approver, "RULESET_REJECTED", ruleSet + " v" + version, "SUBMITTED",
                comment == null || comment.isBlank() ? "REJECTED" : "REJECTED: " + comment.strip());
        return submitted;
    }

    @Transactional
    public RuleSetVersion rollback(String ruleSet, int toVersion, String approver) {
        RuleSetVersion target = locked(ruleSet, toVersion);
        if (target.status != RuleSetStatus.RETIRED) {
            throw new ApiException(409, "INVALID_STATE",
                    "Only a version that was active before (RETIRED) can be rolled back to; v" + toVersion + " is " + target.status);
        }
        Integer before = activate(target, approver);
        audit.record(approver, "RULESET_ROLLED_BACK", ruleSet + " v" + toVersion,
                before == null ? null : "active v" + before, "active v" + toVersion);
        return target;
    }

    private Integer activate(RuleSetVersion next, String approver) {
        Optional<RuleSetVersion> current = RuleSetVersion.<RuleSetVersion>find("ruleSet = ?1 and status = ?2",
                next.ruleSet, RuleSetStatus.ACTIVE).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        current.ifPresent(v -> {
            v.status = RuleSetStatus.RETIRED;
            RuleSetVersion.flush();
        });
        Instant now = Instant.now();
        next.status = RuleSetStatus.ACTIVE;
        next.approvedBy = approver;
        next.decidedAt = now;
        next.activatedAt = now;
        outbox.append(RULES_CHANGED_TOPIC, next.ruleSet, Map.of("ruleSet", next.ruleSet, "version", next.version,
                "contentHash", next.contentHash, "activatedAt", now.toString()));
        return current.map(v -> v.version).orElse(null);
    }

    private void refuseStaleBase(RuleSetVersion version) {
        Integer active = active(version.ruleSet).map(v -> v.version).orElse(null);
        if (version.baseVersion != null && !version.baseVersion.equals(active)) {
            throw new ApiException(409, "STALE_BASE", "v" + version.version + " was written on v" + version.baseVersion
                    + " but v" + active + " is active now: start a new draft from the active version",
                    Map.of("baseVersion", version.baseVersion, "activeVersion", active == null ? "none" : active));
        }
    }

    private static RuleSetVersion locked(String ruleSet, int version) {
        return RuleSetVersion.<RuleSetVersion>find("ruleSet = ?1 and version = ?2", ruleSet, version)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> new ApiException(404, "VERSION_NOT_FOUND", ruleSet + " has no version " + version));
    }

    private static void expect(RuleSetVersion version, RuleSetStatus status) {
        if (version.status != status) {
            throw new ApiException(409, "INVALID_STATE", version.ruleSet + " v" + version.version + " is " + version.status
                    + ", not " + status);
        }
    }

    private static RuleSetVersion newVersion(String ruleSet, int number, String drl, String author, String comment,
                                             Integer baseVersion) {
        RuleSetVersion v = new RuleSetVersion();
        v.ruleSet = ruleSet;
        v.version = number;
        v.status = RuleSetStatus.DRAFT;
        v.drl = drl;
        v.contentHash = Hmac.digestHex(drl.getBytes(StandardCharsets.UTF_8));
        v.author = author;
        v.comment = comment;
        v.baseVersion = baseVersion;
        v.createdAt = Instant.now();
        return v;
    }
}
