package com.topup.rules;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Another instance (or this one) activated a version: catch up now instead of at the next sync tick. */
@ApplicationScoped
public class RulesChangedListener {

    private final RuleSetService rules;

    public RulesChangedListener(RuleSetService rules) {
        this.rules = rules;
    }

    @Incoming("rules-changed")
    @Blocking
    public void onRulesChanged(String event) {
        rules.sync();
    }
}
