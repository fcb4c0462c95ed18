package com.topup.rules;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One compiler per instance: builds are rare, serialised and time-limited. */
public class RuleCompilerProducer {

    @Produces
    @Singleton
    DrlCompiler compiler(RulesConfig config) {
        return new DrlCompiler(RuleVocabulary::sandbox, 1, config.compileTimeout().toMillis());
    }

    void close(@Disposes DrlCompiler compiler) {
        compiler.close();
    }
}
