package com.topup.bench;

import java.time.Duration;
import java.util.Map;

/** Publishes routing rule versions with four eyes (analyst drafts and submits, approver approves) and waits until live. */
final class RoutingVersions {

    private static final String RULESETS = "/admin/api/rulesets/routing";
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(30);

    private final StaffClient staff;

    RoutingVersions(StaffClient staff) {
        this.staff = staff;
    }

    int activeVersion() {
        for (var ruleSet : staff.get("analyst", "/admin/api/rulesets")) {
            if ("routing".equals(ruleSet.path("name").asText())) {
                return ruleSet.path("activeVersion").asInt();
            }
        }
        throw new IllegalStateException("no routing rule set");
    }

    String drlOf(int version) {
        return staff.get("analyst", RULESETS + "/versions/" + version).path("drl").asText();
    }

    /** Drafts, submits and approves the DRL; returns its version once the app decides with it. */
    int publish(String drl, String comment) throws InterruptedException {
        int base = activeVersion();
        int version = staff.post("analyst", RULESETS + "/versions",
                Map.of("drl", drl, "comment", comment, "baseVersion", base), 201).path("version").asInt();
        staff.post("analyst", RULESETS + "/versions/" + version + "/submit", null, 200);
        staff.post("approver", RULESETS + "/versions/" + version + "/approve", null, 200);
        long deadline = System.nanoTime() + LIVE_WITHIN.toNanos();
        while (!("v" + version).equals(staff.readiness().path("checks").findPath("routing").asText())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("routing v" + version + " not live within " + LIVE_WITHIN);
            }
            Thread.sleep(50);
        }
        return version;
    }
}
