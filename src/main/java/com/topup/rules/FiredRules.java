package com.topup.rules;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Records the names of the rules that fired during one decision, and the one firing now. */
final class FiredRules extends DefaultAgendaEventListener {

    private final List<String> names = new ArrayList<>();
    private String current;

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        current = event.getMatch().getRule().getName();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        names.add(event.getMatch().getRule().getName());
        current = null;
    }

    List<String> names() {
        return List.copyOf(names);
    }

    String current() {
        return current;
    }
}
