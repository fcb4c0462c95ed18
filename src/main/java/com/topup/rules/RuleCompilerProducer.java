package com.topup.rules;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One compiler per instance: builds are rare and time-limited; two at once, so compiling a submitted version ahead never delays the swap of an approved one. */
public class RuleCompilerProducer {

    @Produces
    @Singleton
    DrlCompiler compiler(RulesConfig config) {
        return new DrlCompiler(RuleVocabulary::sandbox, 2, config.compileTimeout().toMillis());
    }

    void close(@Disposes DrlCompiler compiler) {
        compiler.close();
    }
}
