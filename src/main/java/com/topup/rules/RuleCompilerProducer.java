package com.topup.rules;

import com.topup.common.work.NamedWorkerPool;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * One compiler per instance: builds are rare and time-limited; two at once on the {@code drl-compiler} workers, so
 * compiling a submitted version ahead never delays the swap of an approved one. A build running past the time limit
 * is also reported by Vert.x's blocked-thread checker.
 */
@Singleton
public class RuleCompilerProducer {

    private static final int PARALLEL_BUILDS = 2;

    private NamedWorkerPool builds;

    @Produces
    @Singleton
    DrlCompiler compiler(RulesConfig config, Vertx vertx) {
        builds = new NamedWorkerPool(vertx, "drl-compiler", PARALLEL_BUILDS, config.compileTimeout());
        return new DrlCompiler(RuleVocabulary::sandbox, builds, config.compileTimeout().toMillis());
    }

    void close(@Disposes DrlCompiler compiler) {
        compiler.close();
        builds.close();
    }
}
