package com.topup.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * Whether this instance may decide: every rule set has a loaded version. Until then (just after a start) work that
 * needs a decision waits or is skipped, and the readiness check says not ready; the safe default is never taken for
 * a rule set that simply is not loaded yet.
 */
@ApplicationScoped
public class RulesReadiness {

    private final LiveRules live;

    public RulesReadiness(LiveRules live) {
        this.live = live;
    }

    public boolean ready() {
        return live.notLoaded().isEmpty();
    }

    public boolean loaded(String ruleSet) {
        return live.current(ruleSet).isPresent();
    }

    /** Waits at most {@code max} for every rule set to be loaded; false when they still are not (or interrupted). */
    public boolean awaitReady(Duration max) {
        try {
            return live.awaitAllLoaded(max);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @throws RulesNotLoaded (503 RULES_NOT_READY) while a rule set is not loaded */
    public void requireReady() {
        List<String> missing = live.notLoaded();
        if (!missing.isEmpty()) {
            throw new RulesNotLoaded(missing);
        }
    }
}
