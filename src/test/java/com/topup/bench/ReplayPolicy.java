package com.topup.bench;

import com.topup.rules.RuleSetRuntime;

/**
 * A routing policy of the replay: its routing and fallback rules, compiled as the platform compiles them. The
 * oracle's channel facts carry the scenario's true odds of the moment where the others carry the model's prediction.
 */
record ReplayPolicy(String name, String description, RuleSetRuntime routing, RuleSetRuntime fallback, boolean oracle) {
}
