package com.topup.bench;

import com.topup.sim.LatencyProfile;
import com.topup.sim.OutageWindow;
import java.util.List;
import java.util.Map;

/**
 * The routing-quality scenario: four simulated suppliers that differ by carrier, latency and cost, one of them out of
 * service (HTTP 503) for a quarter of the run from 40 % of the way in.
 */
final class QualityScenario {

    static final List<String> CARRIERS = List.of("CHINA_MOBILE", "CHINA_UNICOM", "CHINA_TELECOM", "CHINA_BROADNET");

    private final List<SupplierPlan> suppliers;
    private final OutageWindow outage;

    QualityScenario(double runSeconds) {
        this.outage = new OutageWindow(Math.round(runSeconds * 0.4), Math.max(5, Math.round(runSeconds * 0.25)));
        this.suppliers = List.of(
                new SupplierPlan("sim-fast", Map.of("CHINA_MOBILE", 0.985, "CHINA_UNICOM", 0.98, "CHINA_TELECOM", 0.975),
                        0.005, new LatencyProfile(20, 50), new LatencyProfile(150, 300), 9_720, List.of(outage)),
                new SupplierPlan("sim-broadnet", Map.of("CHINA_MOBILE", 0.995, "CHINA_UNICOM", 0.75, "CHINA_BROADNET", 0.985),
                        0.005, new LatencyProfile(30, 80), new LatencyProfile(250, 500), 9_600, List.of()),
                new SupplierPlan("sim-cheap", Map.of("CHINA_MOBILE", 0.92, "CHINA_UNICOM", 0.93, "CHINA_TELECOM", 0.91,
                        "CHINA_BROADNET", 0.90),
                        0.005, new LatencyProfile(40, 120), new LatencyProfile(400, 900), 9_400, List.of()),
                new SupplierPlan("sim-flaky", Map.of("CHINA_MOBILE", 0.80, "CHINA_UNICOM", 0.97, "CHINA_TELECOM", 0.99),
                        0.005, new LatencyProfile(30, 100), new LatencyProfile(300, 700), 9_550, List.of()));
    }

    List<SupplierPlan> suppliers() {
        return suppliers;
    }

    OutageWindow outage() {
        return outage;
    }

    /** Channel terms first (the dispatcher's channel directory refreshes within a second). */
    void applyChannels(StaffClient staff) {
        for (SupplierPlan supplier : suppliers) {
            staff.put("admin", "/admin/api/channels/" + supplier.code(), supplier.channelTerms());
        }
    }

    /** Behaviours last, right before the order stream starts: the planned outage counts from here. */
    void applyBehaviours(StaffClient staff) {
        for (SupplierPlan supplier : suppliers) {
            staff.put("admin", "/admin/api/sim/suppliers/" + supplier.code(), supplier.behaviour());
        }
    }

    /** One line per supplier, for the report. */
    List<String> describe() {
        return suppliers.stream().map(s -> String.format("  %-13s cost %5.2f %%  result %d/%d ms (median/p95)  success %s%s",
                s.code(), s.costRateBp() / 100.0, s.resultLatency().medianMs(), s.resultLatency().p95Ms(),
                CARRIERS.stream().filter(s.successRate()::containsKey)
                        .map(c -> c.substring("CHINA_".length()) + " " + s.successRate().get(c)).toList(),
                s.outages().isEmpty() ? "" : String.format("  outage (503) from %d s for %d s", outage.afterSeconds(),
                        outage.seconds()))).toList();
    }
}
