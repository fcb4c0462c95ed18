package com.topup.repair;

import com.topup.channel.dispatch.OrderFacts;
import com.topup.rules.DecisionService;
import com.topup.rules.RepairOutcome;
import com.topup.rules.model.AnomalyKind;
import com.topup.rules.model.OrderFact;
import com.topup.rules.model.RepairAction;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The one owner of anomalies: records each once, asks the repair rules, writes down who decided what and why, and
 * has the decision carried out, all in the caller's transaction (which holds the order's lock when there is an
 * order). A repeated report of an anomaly already handled changes nothing, except for a stuck order, which the rules
 * are asked about again after every status query until they stop querying.
 */
@ApplicationScoped
public class RepairService {

    private static final Logger LOG = Logger.getLogger(RepairService.class);

    private final AnomalyStore store;
    private final DecisionService decisions;
    private final RepairExecutor executor;
    private final MeterRegistry metrics;

    public RepairService(AnomalyStore store, DecisionService decisions, RepairExecutor executor, MeterRegistry metrics) {
        this.store = store;
        this.decisions = decisions;
        this.executor = executor;
        this.metrics = metrics;
    }

    /** The anomaly's id and the action carried out (null when it had been handled before). */
    public record Handled(long anomalyId, RepairAction action) {
    }

    /** The action carried out is the rules' decision, or FLAG when the decision did not apply. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Handled handle(AnomalyCase found, Instant now) {
        AnomalyStore.Recorded recorded = store.open(found, now);
        if (!recorded.created() && (recorded.status() != AnomalyStatus.OPEN || found.kind() != AnomalyKind.STUCK_PROCESSING)) {
            return new Handled(recorded.id(), null);
        }
        if (recorded.created()) {
            metrics.counter("topup_anomalies_total", "kind", found.kind().name()).increment();
            LOG.warnf("Anomaly %s #%d on order %s: %s", found.kind(), recorded.id(), found.orderId(), found.details());
        }
        OrderFact order = found.order() == null ? null
                : OrderFacts.of(found.order(), found.order().attemptCount(), now);
        RepairOutcome decision = decisions.decideRepair(found.fact(), order);
        String decidedBy = decision.version() == null ? "platform (safe default)" : "repair rules v" + decision.version();
        store.decided(recorded.id(), decision.action().name(), decision.reason(), decision.version(), decision.firedRules());
        RepairExecutor.Done done = executor.carryOut(recorded.id(), found, decision.action(), now);
        store.step(recorded.id(), found.orderId(), decidedBy, done.action().name(), decision.version(),
                decision.firedRules(), (decision.reason() == null ? decision.action().name() : decision.reason())
                        + " → " + done.summary(), now);
        store.outcome(recorded.id(), done.summary());
        metrics.counter("topup_repair_outcomes_total", "kind", found.kind().name(), "action", done.action().name())
                .increment();
        return new Handled(recorded.id(), done.action());
    }
}
