package com.topup.rules;

import com.topup.web.ApiException;
import java.util.List;

/** The three rule sets. */
public final class RuleSets {

    public static final String ROUTING = "routing";
    public static final String FALLBACK = "fallback";
    public static final String REPAIR = "repair";
    public static final List<String> ALL = List.of(ROUTING, FALLBACK, REPAIR);

    private RuleSets() {
    }

    public static String require(String name) {
        if (!ALL.contains(name)) {
            throw new ApiException(404, "RULE_SET_NOT_FOUND", "No rule set " + name + "; rule sets are " + ALL);
        }
        return name;
    }
}
