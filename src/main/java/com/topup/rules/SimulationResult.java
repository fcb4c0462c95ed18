package com.topup.rules;

import java.util.List;

/** What a simulated decision would be, with the rules that fired and the version used (null for a draft text). */
public record SimulationResult(Object decision, List<String> firedRules, Integer version) {
}
