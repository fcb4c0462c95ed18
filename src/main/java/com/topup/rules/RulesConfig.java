package com.topup.rules;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "topup.rules")
public interface RulesConfig {

    /** Most rule firings one decision may take before it is abandoned. */
    @WithDefault("10000")
    int maxFirings();

    /** CPU time one decision may use (checked inside the engine at every match and firing). */
    @WithDefault("200ms")
    Duration timeBudget();

    /** Bytes one decision may allocate (checked inside the engine at every match and firing). */
    @WithDefault("64M")
    MemorySize allocationBudget();

    /** Longest a validation plus compilation of an active version may take in the app. */
    @WithDefault("60s")
    Duration compileTimeout();

    /**
     * Whether the HTTP server opens only once every rule set is loaded (waiting up to compile-timeout). Off: it opens
     * while they still compile and the readiness check stays down until they are loaded, which starts sooner but on a
     * busy machine makes the instance ready later (its background work then competes with the compiler).
     */
    @WithDefault("true")
    boolean loadBeforeStart();

    /** How often each instance compares its live versions with the active ones in the database (heals a missed broadcast). */
    @WithDefault("500ms")
    Duration syncInterval();

    /** The worker processes that run texts not yet approved (validate, drafts, simulate, backtest, pre-activation trial). */
    Worker worker();

    /** Backtests of drafts on recent orders. */
    Backtest backtest();

    interface Worker {

        /** Worker processes running jobs at once; more jobs wait their turn. */
        @WithDefault("1")
        int size();

        /** Heap of each worker process. */
        @WithDefault("384m")
        String heap();

        /** CPU time one job (a compile, a simulation, a whole backtest) may use before its worker is ended. */
        @WithDefault("20s")
        Duration jobCpuBudget();

        /** Bytes one job may allocate before its worker is ended. */
        @WithDefault("4G")
        MemorySize jobAllocationBudget();

        /** Longest a request waits for a free worker. */
        @WithDefault("30s")
        Duration queueTimeout();

        /** Start one worker at application start, so the first validation does not wait for it. */
        @WithDefault("true")
        boolean prestart();
    }

    interface Backtest {

        /** Orders a backtest replays when the request does not say. */
        @WithDefault("1000")
        int defaultOrders();

        /** Most orders one backtest may replay. */
        @WithDefault("5000")
        int maxOrders();
    }
}
