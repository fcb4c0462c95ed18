package com.topup.rules;

import com.topup.web.ApiException;
import java.util.List;
import java.util.Map;

/**
 * A decision was asked for before this instance loaded the rule set (it is still starting). Nothing is decided —
 * not even by the safe default, which is for a rule set that fails — and the caller's transaction rolls back, so
 * the order stays where it was until the rules are there.
 */
public class RulesNotLoaded extends ApiException {

    public RulesNotLoaded(List<String> ruleSets) {
        super(503, "RULES_NOT_READY", "This instance has not loaded its rules yet; try again shortly",
                Map.of("notLoaded", ruleSets));
    }
}
