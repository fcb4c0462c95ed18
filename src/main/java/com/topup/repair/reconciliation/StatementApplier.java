package com.topup.repair.reconciliation;

import com.topup.audit.Actor;
import com.topup.audit.AuditTrail;
import com.topup.channel.adapter.StatementLine;
import com.topup.common.NamedValues;
import com.topup.order.OrderTransitions;
import com.topup.order.WorkOrder;
import com.topup.repair.AnomalyCase;
import com.topup.repair.RepairService;
import com.topup.rules.model.AnomalyFact;
import com.topup.rules.model.AnomalyKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Matches a fetched statement in one transaction and hands every difference to the repair feature. */
@ApplicationScoped
public class StatementApplier {

    private final ReconciliationStore store;
    private final RepairService repair;
    private final OrderTransitions orders;
    private final AuditTrail audit;

    public StatementApplier(ReconciliationStore store, RepairService repair, OrderTransitions orders, AuditTrail audit) {
        this.store = store;
        this.repair = repair;
        this.orders = orders;
        this.audit = audit;
    }

    @Transactional
    public StatementMatch.Result apply(long runId, String channel, LocalDate day, List<StatementLine> lines) {
        Set<String> named = new HashSet<>();
        lines.forEach(line -> named.add(line.reference()));
        Map<String, OurCharge> ours = store.ours(channel, day, named);
        StatementMatch.Result result = StatementMatch.of(lines, ours, store.dayAttempts(channel, day),
                store.knownDuplicates(channel));
        store.replaceDifferences(runId);
        Instant now = Instant.now();
        for (Difference difference : result.differences()) {
            long anomalyId = repair.handle(toCase(channel, day, difference), now).anomalyId();
            store.difference(runId, difference, anomalyId);
        }
        store.finish(runId, result, lines.size());
        return result;
    }

    @Transactional
    public void audited(String channel, LocalDate day, Actor actor) {
        ReconciliationRun run = store.run(channel, day).orElseThrow();
        audit.record(actor, "RECONCILIATION_RUN", "reconciliation:" + channel + ":" + day, null, null,
                "{\"status\":\"" + run.status() + "\",\"lines\":" + run.statementLines() + ",\"differences\":"
                        + run.differences() + "}");
    }

    private AnomalyCase toCase(String channel, LocalDate day, Difference d) {
        WorkOrder order = d.orderId() == null ? null : orders.lockForWork(d.orderId()).orElse(null);
        long statement = d.statementAmount() == null ? 0 : d.statementAmount();
        long our = d.ourAmount() == null ? 0 : d.ourAmount();
        long atStake = switch (d.kind()) {
            case STATEMENT_AMOUNT_DIFFERENCE -> Math.abs(statement - our);
            case SUPPLIER_MISSING_SUCCESS -> our;
            default -> statement;
        };
        AnomalyFact fact = AnomalyFact.of(d.kind(), d.orderId())
                .orderStatus(order == null ? null : order.status().name())
                .channel(channel)
                .secondChannel(d.kind() == AnomalyKind.DUPLICATE_SUCCESS ? channel : null)
                .amounts(our, statement)
                .amountAtStake(atStake)
                .build();
        String key = switch (d.kind()) {
            case DUPLICATE_SUCCESS -> d.kind() + ":" + d.reference() + ":" + d.channelReference();
            case SUPPLIER_MISSING_SUCCESS -> d.kind() + ":" + d.reference();
            default -> d.kind() + ":" + channel + ":" + d.reference() + ":" + d.channelReference();
        };
        return new AnomalyCase(d.kind(), key, order, null, channel, d.reference(), d.channelReference(), atStake, fact,
                NamedValues.of("source", "statement", "day", day.toString(), "channel", channel,
                        "attempt", d.reference(), "channelReference", d.channelReference(),
                        "statementAmount", d.statementAmount(), "ourAmount", d.ourAmount(),
                        "ourStatus", d.ourStatus()));
    }
}
