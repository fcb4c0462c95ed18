package com.topup.channel.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.common.db.Sql;
import com.topup.rules.model.AnomalyKind;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/** Writes an anomaly for the repair queue (once per kind and order) with the action decided for it. */
@ApplicationScoped
public class AnomalyRecorder {

    private static final Logger LOG = Logger.getLogger(AnomalyRecorder.class);

    private final Sql sql;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    public AnomalyRecorder(Sql sql, ObjectMapper json, MeterRegistry metrics) {
        this.sql = sql;
        this.json = json;
        this.metrics = metrics;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AnomalyKind kind, String orderId, Map<String, Object> details, String action, boolean resolved,
                       Instant now) {
        String body;
        try {
            body = json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        int inserted = sql.update("""
                        insert into anomaly (kind, order_id, details, status, action, created_at, resolved_at)
                        values (?, ?, ?::jsonb, ?, ?, ?, ?) on conflict (kind, order_id) do nothing""",
                kind.name(), orderId, body, resolved ? "RESOLVED" : "OPEN", action, now, resolved ? now : null);
        if (inserted == 1) {
            metrics.counter("topup_anomalies_total", "kind", kind.name()).increment();
            LOG.warnf("Anomaly %s on order %s: %s -> %s", kind, orderId, details, action);
        }
    }
}
