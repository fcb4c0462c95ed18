package com.topup.rules;

import java.time.Instant;

public record RuleSetSummary(String name, Integer activeVersion, Instant updatedAt) {
}
