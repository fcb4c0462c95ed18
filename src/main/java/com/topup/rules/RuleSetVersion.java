package com.topup.rules;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One immutable version of a rule set's DRL with its lifecycle state. Only the status columns ever change. */
@Entity
@Table(name = "rule_set_version")
public class RuleSetVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "rule_set", nullable = false)
    public String ruleSet;

    @Column(nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RuleSetStatus status;

    @Column(nullable = false)
    public String drl;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "base_version")
    public Integer baseVersion;

    @Column(nullable = false)
    public String author;

    public String comment;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "activated_at")
    public Instant activatedAt;
}
