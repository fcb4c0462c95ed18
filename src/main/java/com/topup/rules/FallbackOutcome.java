package com.topup.rules;

import com.topup.rules.model.FallbackAction;
import java.util.List;

/**
 * A fallback decision: the action (null when no rule decided), whether to query the failed channel first,
 * the delay of a retry, the reason, the rules that fired and the version used (null for the safe default).
 */
public record FallbackOutcome(FallbackAction action, boolean queryFirst, long delayMillis, String reason,
                              List<String> firedRules, Integer version) {
}
