package com.topup.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "topup.rules")
public interface RulesConfig {

    /** Most rule firings one decision may take before it is abandoned. */
    @WithDefault("10000")
    int maxFirings();

    /** Longest one decision may run (checked between firings). */
    @WithDefault("200ms")
    Duration timeBudget();

    /** Longest a validation plus compilation may take. */
    @WithDefault("60s")
    Duration compileTimeout();

    /** How often each instance compares its live versions with the active ones in the database (heals a missed broadcast). */
    @WithDefault("500ms")
    Duration syncInterval();
}
