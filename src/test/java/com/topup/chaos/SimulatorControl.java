package com.topup.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The simulated suppliers through the simulator's staff API: reset, outages of a chosen kind, and their charges. */
final class SimulatorControl {

    /** One order a supplier charged for, with the charges standing (not reversed) and all of them. */
    record Charged(String supplier, String attemptId, int charges, int standing) {
    }

    private final Staff staff;

    SimulatorControl(Staff staff) {
        this.staff = staff;
    }

    /** Back to the profile's behaviours, no orders, the given seed. */
    void reset(long seed) {
        staff.post("/admin/api/sim/reset", Map.of("seed", seed));
    }

    /**
     * No charge on an order that ends FAILED (the profile's deliberate leak only the next day's statement finds): a
     * charge on a failed order in a drill is then the platform's doing.
     */
    void withoutChargesOnFailure() {
        for (JsonNode supplier : staff.get("/admin/api/sim/suppliers")) {
            ObjectNode behaviour = (ObjectNode) supplier.path("behaviour").deepCopy();
            behaviour.put("chargedDespiteFailureRate", 0.0);
            staff.put("/admin/api/sim/suppliers/" + supplier.path("code").asText(), behaviour.toString());
        }
    }

    /** Results within a second, no late callbacks or slow queries: for the short drills of the tests. */
    void quick() {
        for (JsonNode supplier : staff.get("/admin/api/sim/suppliers")) {
            ObjectNode behaviour = (ObjectNode) supplier.path("behaviour").deepCopy();
            behaviour.putObject("submitLatency").put("medianMs", 20).put("p95Ms", 60);
            behaviour.putObject("resultLatency").put("medianMs", 200).put("p95Ms", 600);
            behaviour.put("lateCallbackRate", 0.0);
            behaviour.put("querySlowRate", 0.0);
            behaviour.putArray("outages");
            staff.put("/admin/api/sim/suppliers/" + supplier.path("code").asText(), behaviour.toString());
        }
    }

    List<String> suppliers() {
        List<String> codes = new ArrayList<>();
        staff.get("/admin/api/sim/suppliers").forEach(s -> codes.add(s.path("code").asText()));
        return codes;
    }

    /** Every supplier out for the given time, in the given mode: TIMEOUT (requests held) or HTTP_503. */
    void outage(String mode, Duration length) {
        for (JsonNode supplier : staff.get("/admin/api/sim/suppliers")) {
            String code = supplier.path("code").asText();
            ObjectNode behaviour = (ObjectNode) supplier.path("behaviour").deepCopy();
            behaviour.put("outageMode", mode);
            staff.put("/admin/api/sim/suppliers/" + code, behaviour.toString());
            staff.post("/admin/api/sim/suppliers/" + code + "/outage", Map.of("seconds", length.toSeconds()));
        }
    }

    /** Ends every outage under way. */
    void endOutages() {
        for (String code : suppliers()) {
            staff.post("/admin/api/sim/suppliers/" + code + "/outage", Map.of("seconds", 0));
        }
    }

    /** Charged orders keyed by the platform's attempt id (the reference the platform sent). */
    Map<String, Charged> charges() {
        Map<String, Charged> out = new HashMap<>();
        for (JsonNode order : staff.get("/admin/api/sim/charges")) {
            int standing = 0;
            for (JsonNode charge : order.path("charges")) {
                if (charge.path("reversedAt").isNull() || charge.path("reversedAt").isMissingNode()) {
                    standing++;
                }
            }
            String reference = order.path("reference").asText();
            out.put(reference, new Charged(order.path("supplier").asText(), reference, order.path("charges").size(), standing));
        }
        return out;
    }
}
