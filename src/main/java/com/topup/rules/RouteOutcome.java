package com.topup.rules;

import com.topup.rules.model.RouteCandidate;
import java.util.List;
import java.util.Map;

/** A routing decision: channels in the order to try them, exclusions, the rules that fired and the version used. */
public record RouteOutcome(List<RouteCandidate> ranked, Map<String, String> excluded, List<String> firedRules,
                           Integer version) {
}
