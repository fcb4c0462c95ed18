package com.topup.repair;

import com.topup.audit.Actor;
import com.topup.audit.AuditTrail;
import com.topup.channel.dispatch.AttemptStore;
import com.topup.order.OrderTransitions;
import com.topup.rules.model.AnomalyKind;
import com.topup.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An operator closes an open anomaly (CONTRACT §3): charges the merchant again for a top-up that happened after its
 * refund (only with enough balance; the order then succeeds and the merchant is called back), writes the money off,
 * or dismisses it. Guarded by the anomaly's status; audited with the reason.
 */
@ApplicationScoped
public class AnomalyResolutionService {

    private final AnomalyStore store;
    private final OrderTransitions orders;
    private final AttemptStore attempts;
    private final AuditTrail audit;
    private final MeterRegistry metrics;

    public AnomalyResolutionService(AnomalyStore store, OrderTransitions orders, AttemptStore attempts,
                                    AuditTrail audit, MeterRegistry metrics) {
        this.attempts = attempts;
        this.store = store;
        this.orders = orders;
        this.audit = audit;
        this.metrics = metrics;
    }

    @Transactional
    public AnomalyView resolve(long id, Resolution resolution, String reason, Actor actor) {
        Instant now = Instant.now();
        AnomalyView anomaly = store.lock(id)
                .orElseThrow(() -> new ApiException(404, "ANOMALY_NOT_FOUND", "No anomaly " + id));
        if (!AnomalyStatus.OPEN.name().equals(anomaly.status())) {
            throw new ApiException(409, "INVALID_STATE", "Anomaly " + id + " is " + anomaly.status(),
                    Map.of("status", anomaly.status()));
        }
        AnomalyKind kind = AnomalyKind.valueOf(anomaly.kind());
        if (!Resolution.forOperators(kind).contains(resolution)) {
            throw new ApiException(409, "INVALID_STATE", resolution + " does not fit an anomaly of kind " + kind,
                    Map.of("status", anomaly.status(), "kind", kind.name(),
                            "resolutions", Resolution.forOperators(kind).stream().map(Enum::name).sorted().toList()));
        }
        String summary = switch (resolution) {
            case RECHARGE_MERCHANT -> recharge(anomaly, now);
            case WRITE_OFF -> {
                store.settleClaim(id, "WRITTEN_OFF", now);
                yield anomaly.amountAtStake() + " fen written off";
            }
            case DISMISS -> "dismissed";
            case AUTOMATIC -> throw new IllegalStateException("not an operator's resolution");
        };
        store.resolve(id, resolution, actor.name(), reason, summary + " by " + actor.name(), now);
        store.step(id, anomaly.orderId(), actor.name(), resolution.name(), null, List.of(), summary + ": " + reason, now);
        AnomalyView after = store.find(id).orElseThrow();
        audit.record(actor, "ANOMALY_" + resolution.name(), "anomaly:" + id, reason,
                "{\"status\":\"OPEN\",\"kind\":\"" + kind + "\",\"orderStatus\":" + quoted(anomaly.orderStatus()) + "}",
                "{\"status\":\"RESOLVED\",\"resolution\":\"" + resolution + "\",\"orderStatus\":"
                        + quoted(after.orderStatus()) + "}");
        metrics.counter("topup_anomaly_resolutions_total", "kind", kind.name(), "resolution", resolution.name())
                .increment();
        return after;
    }

    private String recharge(AnomalyView anomaly, Instant now) {
        if (anomaly.orderId() == null || orders.lockForWork(anomaly.orderId()).isEmpty()) {
            throw new ApiException(409, "INVALID_STATE", "The anomaly has no order to charge for",
                    Map.of("status", anomaly.status()));
        }
        if (!orders.succeedAfterRecharge(anomaly.orderId(), now)) {
            throw new ApiException(409, "INVALID_STATE", "Order " + anomaly.orderId() + " is " + anomaly.orderStatus()
                    + "; only a FAILED order can be charged again", Map.of("status", String.valueOf(anomaly.orderStatus())));
        }
        if (anomaly.reference() != null) {
            attempts.declareSucceeded(anomaly.reference(), anomaly.channelReference(), now);
        }
        store.settleClaim(anomaly.id(), "WITHDRAWN", now);
        return "merchant charged again; order " + anomaly.orderId() + " SUCCEEDED";
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
