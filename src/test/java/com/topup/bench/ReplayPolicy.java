package com.topup.bench;

import com.topup.rules.RuleSetRuntime;

/**
 * A routing policy of the replay: its routing and fallback rules, compiled as the platform compiles them, and where
 * its channel facts' predicted success comes from (the success model, the boosted model, or the scenario's true odds
 * of the moment for the oracle). {@code scored}: the run trains the boosted model beside the success model and
 * scores both on every attempt.
 */
record ReplayPolicy(String name, String description, RuleSetRuntime routing, RuleSetRuntime fallback,
                    ReplayEstimators.Source predictions, boolean scored) {
}
