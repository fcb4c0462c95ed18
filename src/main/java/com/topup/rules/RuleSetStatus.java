package com.topup.rules;

public enum RuleSetStatus {
    DRAFT,
    SUBMITTED,
    ACTIVE,
    RETIRED,
    REJECTED
}
