package com.topup.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The rule set versions this instance decides with. A swap replaces the reference atomically: a decision
 * already running keeps the runtime it started with. The replaced runtime stays as the last good version.
 */
@ApplicationScoped
public class LiveRules {

    private static final Logger LOG = Logger.getLogger(LiveRules.class);

    private final Map<String, AtomicReference<RuleSetRuntime>> current = new ConcurrentHashMap<>();
    private final Map<String, RuleSetRuntime> previous = new ConcurrentHashMap<>();

    public Optional<RuleSetRuntime> current(String ruleSet) {
        AtomicReference<RuleSetRuntime> ref = current.get(ruleSet);
        return ref == null ? Optional.empty() : Optional.ofNullable(ref.get());
    }

    /** The version that was live before the current one, for decisions the current one cannot make. */
    public Optional<RuleSetRuntime> previous(String ruleSet) {
        return Optional.ofNullable(previous.get(ruleSet));
    }

    public Integer liveVersion(String ruleSet) {
        return current(ruleSet).map(RuleSetRuntime::version).orElse(null);
    }

    void swap(String ruleSet, RuleSetRuntime next) {
        RuleSetRuntime replaced = current.computeIfAbsent(ruleSet, k -> new AtomicReference<>()).getAndSet(next);
        if (replaced != null) {
            RuleSetRuntime older = previous.put(ruleSet, replaced);
            if (older != null) {
                older.close();
            }
        }
        LOG.infof("Rule set %s now decides with version %s", ruleSet, next.version());
    }
}
