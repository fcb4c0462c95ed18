package com.topup.rules;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the routing rules are loaded (CONTRACT §5). */
@Readiness
@ApplicationScoped
public class RulesLoadedCheck implements HealthCheck {

    private final LiveRules live;

    public RulesLoadedCheck(LiveRules live) {
        this.live = live;
    }

    @Override
    public HealthCheckResponse call() {
        Integer routing = live.liveVersion(RuleSets.ROUTING);
        return HealthCheckResponse.named("rules")
                .status(routing != null)
                .withData("routing", routing == null ? "not loaded" : "v" + routing)
                .build();
    }
}
