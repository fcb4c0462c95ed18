package com.topup.rules;

import com.topup.common.work.RecurringJob;
import com.topup.rules.sandbox.DrlProblem;
import com.topup.web.ApiException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * The rule sets' lifecycle: validate, draft, submit, approve (four eyes), reject, roll back; and keeping this
 * instance's live versions equal to the active ones in the database (at start, after each change made here,
 * and on a short timer for changes made on other instances).
 */
@ApplicationScoped
public class RuleSetService {

    private static final Logger LOG = Logger.getLogger(RuleSetService.class);
    /** A sync or precompile round compiles (in a worker, then here) and may rightly take minutes. */
    private static final Duration LONGEST_ROUND = Duration.ofMinutes(5);

    private final RuleSetStore store;
    private final DrlCompiler compiler;
    private final LiveRules live;
    private final RulesConfig config;
    private final RuleWorkers workers;
    private final Vertx vertx;
    private final Map<String, CompilationResult> precompiled = new java.util.concurrent.ConcurrentHashMap<>();
    private RecurringJob syncer;
    private RecurringJob precompiler;
    /** Only touched by the sync's rounds, which never overlap. */
    private boolean seeded;

    public RuleSetService(RuleSetStore store, DrlCompiler compiler, LiveRules live, RulesConfig config, RuleWorkers workers,
                          Vertx vertx) {
        this.store = store;
        this.compiler = compiler;
        this.live = live;
        this.config = config;
        this.workers = workers;
        this.vertx = vertx;
    }

    /**
     * Seeds the rule sets and loads their active versions in the first round of the sync, started before the other
     * start-up observers (the messaging channels, the seeders), so the compiler works while they do. Until every rule
     * set is loaded this instance is not ready and decides nothing ({@link RulesReadiness}).
     */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        // Vert.x timers: the scheduler extension ticks once a second, too coarse for the 1 s publish target
        syncer = new RecurringJob(vertx, "rules-sync", LONGEST_ROUND, this::syncQuietly);
        syncer.start(Duration.ZERO);
        precompiler = new RecurringJob(vertx, "rules-precompile", LONGEST_ROUND, this::precompileQuietly);
        precompiler.start(config.syncInterval());
    }

    /** The last start-up observer: the HTTP server opens once the rules are loaded, unless configured not to wait. */
    void awaitLoadedBeforeOpening(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent event) {
        if (config.loadBeforeStart() && !awaitLoaded(config.compileTimeout())) {
            LOG.warnf("Rule sets %s not loaded within %s; starting without them", live.notLoaded(), config.compileTimeout());
        }
    }

    private boolean awaitLoaded(Duration max) {
        try {
            return live.awaitAllLoaded(max);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void seed() {
        for (String ruleSet : RuleSets.ALL) {
            SeedRules.of(ruleSet).ifPresent(seed -> {
                try {
                    store.seed(seed);
                } catch (PersistenceException raceWithAnotherInstance) {
                    LOG.debugf("Rule set %s was seeded by another instance", ruleSet);
                }
            });
        }
        seeded = true;
    }

    private Duration precompileQuietly() {
        try {
            precompileSubmitted();
        } catch (RuntimeException e) {
            LOG.warnf("Compiling submitted rule versions ahead failed, retrying: %s", e.getMessage());
        }
        return config.syncInterval();
    }

    void stop(@Observes ShutdownEvent event) {
        if (syncer != null) {
            syncer.stop();
            precompiler.stop();
        }
    }

    private Duration syncQuietly() {
        try {
            if (!seeded) {
                seed();
            }
            sync();
        } catch (RuntimeException e) {
            LOG.warnf("Rule sync failed, retrying: %s", e.getMessage());
        }
        return config.syncInterval();
    }

    public List<RuleSetSummary> summaries() {
        return RuleSets.ALL.stream().map(name -> {
            List<RuleSetVersion> versions = store.versions(name);
            Integer active = versions.stream().filter(v -> v.status == RuleSetStatus.ACTIVE).map(v -> v.version).findFirst().orElse(null);
            var updated = versions.stream().map(v -> v.activatedAt != null && v.activatedAt.isAfter(v.createdAt) ? v.activatedAt : v.createdAt)
                    .max(java.time.Instant::compareTo).orElse(null);
            return new RuleSetSummary(name, active, updated);
        }).toList();
    }

    public List<RuleSetVersionView> versions(String ruleSet) {
        return store.versions(RuleSets.require(ruleSet)).stream().map(RuleSetVersionView::of).toList();
    }

    public RuleSetVersionView version(String ruleSet, int version) {
        return RuleSetVersionView.of(store.version(RuleSets.require(ruleSet), version));
    }

    /** Sandbox check and compilation in a rule worker (the text is not approved), nothing stored. */
    public List<DrlProblem> validate(String ruleSet, String drl) {
        RuleSets.require(ruleSet);
        return workers.compile(ruleSet, requireText(drl));
    }

    public RuleSetVersionView createDraft(String ruleSet, String drl, String comment, Integer baseVersion, String author) {
        List<DrlProblem> problems = validate(ruleSet, drl);
        if (!problems.isEmpty()) {
            throw new ApiException(422, "INVALID_DRL", "The rules do not compile or use something not allowed",
                    Map.of("errors", problems));
        }
        if (baseVersion != null) {
            store.version(ruleSet, baseVersion);
        }
        try {
            return RuleSetVersionView.of(store.createDraft(ruleSet, drl, comment, baseVersion, author));
        } catch (PersistenceException concurrentDraftTookTheNumber) {
            return RuleSetVersionView.of(store.createDraft(ruleSet, drl, comment, baseVersion, author));
        }
    }

    public RuleSetVersionView submit(String ruleSet, int version, String actor) {
        return RuleSetVersionView.of(store.submit(RuleSets.require(ruleSet), version, actor));
    }

    /**
     * Tries the version in a rule worker on representative and stressing facts within the decision budgets (a
     * version that breaks one is never activated), compiles it here, activates it in the database, then swaps this
     * instance (others follow on their timer).
     */
    public RuleSetVersionView approve(String ruleSet, int version, String approver) {
        RuleSetVersion candidate = store.version(RuleSets.require(ruleSet), version);
        workers.trial(ruleSet, candidate.drl);
        CompilationResult compiled = compileOrRefuse(candidate);
        RuleSetVersion approved = store.approve(ruleSet, version, approver);
        install(approved, compiled);
        return RuleSetVersionView.of(approved);
    }

    /** Rejects a submitted version; the approver's comment (may be null) goes into the audit trail. */
    public RuleSetVersionView reject(String ruleSet, int version, String approver, String comment) {
        return RuleSetVersionView.of(store.reject(RuleSets.require(ruleSet), version, approver, comment));
    }

    public RuleSetVersionView rollback(String ruleSet, int toVersion, String approver) {
        RuleSetVersion target = store.version(RuleSets.require(ruleSet), toVersion);
        workers.trial(ruleSet, target.drl);
        CompilationResult compiled = compileOrRefuse(target);
        RuleSetVersion activated = store.rollback(ruleSet, toVersion, approver);
        install(activated, compiled);
        return RuleSetVersionView.of(activated);
    }

    /**
     * Brings this instance's live versions in line with the database. Submitted versions are compiled ahead,
     * so when one is approved on any instance the others only swap it in.
     */
    synchronized void sync() {
        Map<String, Integer> active = store.activeVersions();
        for (Map.Entry<String, Integer> entry : active.entrySet()) {
            if (!Objects.equals(live.liveVersion(entry.getKey()), entry.getValue())) {
                RuleSetVersion version = store.version(entry.getKey(), entry.getValue());
                CompilationResult compiled = compiled(version);
                if (compiled.succeeded()) {
                    install(version, compiled);
                } else {
                    LOG.errorf("Active %s v%d does not compile here: %s", version.ruleSet, version.version, compiled.errors());
                }
            }
        }
    }

    /**
     * Compiles submitted versions ahead of their approval, on its own timer so that a slow worker never delays a swap.
     * A submitted text is compiled here only after a rule worker compiled it within its budgets.
     */
    void precompileSubmitted() {
        List<RuleSetVersion> submittedVersions = store.submitted();
        for (RuleSetVersion submitted : submittedVersions) {
            if (precompiled.containsKey(submitted.contentHash)) {
                continue;
            }
            try {
                List<DrlProblem> problems = workers.compile(submitted.ruleSet, submitted.drl);
                precompiled.put(submitted.contentHash, problems.isEmpty()
                        ? compiler.compile(submitted.ruleSet, submitted.drl) : CompilationResult.failed(problems));
            } catch (ApiException workerUnavailable) {
                LOG.debugf("Submitted %s v%d not compiled ahead: %s", submitted.ruleSet, submitted.version,
                        workerUnavailable.getMessage());
            }
        }
        precompiled.keySet().retainAll(submittedVersions.stream().map(v -> v.contentHash).toList());
    }

    private CompilationResult compiled(RuleSetVersion version) {
        CompilationResult ready = precompiled.remove(version.contentHash);
        return ready != null && ready.succeeded() ? ready : compiler.compile(version.ruleSet, version.drl);
    }

    /** Swaps the version in unless it is already live; one swap at a time. */
    private synchronized void install(RuleSetVersion version, CompilationResult compiled) {
        if (!Objects.equals(live.liveVersion(version.ruleSet), version.version)) {
            live.swap(version.ruleSet, runtime(version, compiled));
        }
    }

    private CompilationResult compileOrRefuse(RuleSetVersion version) {
        CompilationResult compiled = compiled(version);
        if (!compiled.succeeded()) {
            throw new ApiException(422, "INVALID_DRL", "v" + version.version + " no longer compiles",
                    Map.of("errors", compiled.errors()));
        }
        return compiled;
    }

    private RuleSetRuntime runtime(RuleSetVersion version, CompilationResult compiled) {
        return new RuleSetRuntime(version.ruleSet, version.version, compiled.kieBase(),
                new RuleLimits(config.maxFirings(), config.timeBudget().toMillis())).warmUp();
    }

    private static String requireText(String drl) {
        if (drl == null || drl.isBlank()) {
            throw new ApiException(400, "INVALID_REQUEST", "drl is required", Map.of("field", "drl"));
        }
        return drl;
    }
}
