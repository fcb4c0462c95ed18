package com.topup.rules;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once every rule set (routing, fallback, repair) is loaded on this instance (CONTRACT §5): an instance
 * that cannot decide yet takes no traffic.
 */
@Readiness
@ApplicationScoped
public class RulesLoadedCheck implements HealthCheck {

    private final LiveRules live;

    public RulesLoadedCheck(LiveRules live) {
        this.live = live;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("rules").status(live.notLoaded().isEmpty());
        for (String ruleSet : RuleSets.ALL) {
            Integer version = live.liveVersion(ruleSet);
            response.withData(ruleSet, version == null ? "not loaded" : "v" + version);
        }
        return response.build();
    }
}
