package com.topup.repair;

import com.topup.common.NamedValues;
import com.topup.order.TimelineEntry;
import com.topup.order.TimelineSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** The repair feature's part of an order's timeline: anomalies found and every repair step taken on them. */
@ApplicationScoped
public class RepairTimeline implements TimelineSource {

    private final AnomalyStore anomalies;

    public RepairTimeline(AnomalyStore anomalies) {
        this.anomalies = anomalies;
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
        return entries;
    }
}
