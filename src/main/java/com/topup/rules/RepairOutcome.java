package com.topup.rules;

import com.topup.rules.model.RepairAction;
import java.util.List;

/** A repair decision: the action (null when no rule decided), the reason, the rules that fired and the version used. */
public record RepairOutcome(RepairAction action, String reason, List<String> firedRules, Integer version) {
}
