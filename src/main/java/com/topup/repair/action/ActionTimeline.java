package com.topup.repair.action;

import com.topup.common.NamedValues;
import com.topup.order.TimelineEntry;
import com.topup.order.TimelineSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** Operators' actions in an order's timeline: each request, and its confirmation or refusal by a second operator. */
@ApplicationScoped
public class ActionTimeline implements TimelineSource {

    private final OperatorActionStore actions;

    public ActionTimeline(OperatorActionStore actions) {
        this.actions = actions;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TimelineEntry> entriesOf(String orderId) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (ActionView action : actions.list(null, orderId, 1_000)) {
            entries.add(new TimelineEntry(action.createdAt(), "OPERATOR_ACTION", action.requestedBy(),
                    action.kind() + ("AWAITING_SECOND_OPERATOR".equals(action.status()) || action.decidedAt() != null
                            ? " requested" : "") + ": " + action.reason(),
                    NamedValues.of("action", action.id(), "kind", action.kind(), "status", action.status(),
                            "outcome", action.outcome())));
            if (action.decidedAt() != null) {
                entries.add(new TimelineEntry(action.decidedAt(), "OPERATOR_ACTION", action.decidedBy(),
                        action.kind() + " " + action.status().toLowerCase().replace('_', ' ')
                                + (action.decisionReason() == null ? "" : ": " + action.decisionReason()),
                        NamedValues.of("action", action.id(), "kind", action.kind(), "status", action.status(),
                                "outcome", action.outcome())));
            }
        }
        return entries;
    }
}
