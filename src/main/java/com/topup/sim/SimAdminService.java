package com.topup.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Map;

/** The simulator's staff writes, each in the audit trail: a changed behaviour, an outage, a reset. */
@ApplicationScoped
public class SimAdminService {

    private final SupplierSimulator simulator;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public SimAdminService(SupplierSimulator simulator, AuditTrail audit, ObjectMapper json) {
        this.simulator = simulator;
        this.audit = audit;
        this.json = json;
    }

    @Transactional
    void replaceBehaviour(String actor, SimSupplierState supplier, SupplierBehaviour behaviour) {
        String before = text(supplier.behaviour());
        simulator.replaceBehaviour(supplier, behaviour);
        audit.record(actor, "SIM_BEHAVIOUR_CHANGED", "sim:" + supplier.code(), before, text(behaviour));
    }

    @Transactional
    void outage(String actor, SimSupplierState supplier, Duration length) {
        simulator.outage(supplier, length);
        audit.record(actor, length.isZero() ? "SIM_OUTAGE_ENDED" : "SIM_OUTAGE_STARTED", "sim:" + supplier.code(),
                null, text(Map.of("seconds", length.toSeconds())));
    }

    @Transactional
    long reset(String actor, Long seed) {
        long chosen = simulator.reset(seed);
        audit.record(actor, "SIM_RESET", "sim", null, text(Map.of("seed", chosen)));
        return chosen;
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
