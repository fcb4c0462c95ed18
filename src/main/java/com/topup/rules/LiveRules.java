package com.topup.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
    private final Object loaded = new Object();

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

    /** The rule sets without a loaded version yet (all of them on an instance that has just started). */
    public List<String> notLoaded() {
        return RuleSets.ALL.stream().filter(ruleSet -> current(ruleSet).isEmpty()).toList();
    }

    /** Waits until every rule set has a loaded version, at most {@code max}; true when they all have. */
    public boolean awaitAllLoaded(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (loaded) {
            while (!notLoaded().isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(loaded, left);
            }
            return true;
        }
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
        synchronized (loaded) {
            loaded.notifyAll();
        }
    }

    /**
     * Back to the state of an instance that has just started: nothing loaded. The runtimes are handed back, not
     * closed, so that start-up behaviour can be exercised on a running instance and the versions put back with
     * {@link #swap}.
     */
    Map<String, RuleSetRuntime> unloadAll() {
        Map<String, RuleSetRuntime> unloaded = new HashMap<>();
        current.forEach((ruleSet, ref) -> {
            RuleSetRuntime runtime = ref.getAndSet(null);
            if (runtime != null) {
                unloaded.put(ruleSet, runtime);
            }
        });
        previous.clear();
        return unloaded;
    }
}
