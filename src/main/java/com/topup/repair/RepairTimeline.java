package com.topup.repair;

import com.topup.common.NamedValues;
import com.topup.order.TimelineEntry;
import com.topup.order.TimelineSource;
import com.topup.repair.action.ActionView;
import com.topup.repair.action.OperatorActionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** The repair feature's part of an order's timeline: anomalies found, repair steps, operators' actions. */
@ApplicationScoped
public class RepairTimeline implements TimelineSource {

    private final AnomalyStore anomalies;
    private final OperatorActionStore actions;

    public RepairTimeline(AnomalyStore anomalies, OperatorActionStore actions) {
        this.anomalies = anomalies;
        this.actions = actions;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TimelineEntry> entriesOf(String orderId) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (AnomalyView anomaly : anomalies.ofOrder(orderId)) {
            entries.add(new TimelineEntry(anomaly.createdAt(), "ANOMALY", "platform",
                    "Anomaly " + anomaly.kind() + " #" + anomaly.id() + " found",
                    NamedValues.of("anomaly", anomaly.id(), "kind", anomaly.kind(), "details", anomaly.details())));
        }
        for (RepairStep step : anomalies.stepsOfOrder(orderId)) {
            entries.add(new TimelineEntry(step.at(), "REPAIR", step.actor(), step.action() + ": " + step.summary(),
                    NamedValues.of("anomaly", step.anomalyId(), "action", step.action(), "ruleVersion", step.ruleVersion(),
                            "firedRules", step.firedRules().isEmpty() ? null : step.firedRules())));
        }
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
