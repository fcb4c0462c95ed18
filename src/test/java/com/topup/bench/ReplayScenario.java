package com.topup.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A routing-quality scenario: suppliers and what happens to them during the run. {@link #odds} is the truth at any
 * moment, which only the oracle sees; {@link #outage} says when a supplier answers nothing useful (HTTP 503).
 */
final class ReplayScenario {

    /** What changes mid-run, for the "orders needed to notice" figures. */
    record Change(String channel, String carrier, String province, double fromSecond, double toSecond, String what) {
    }

    private final String name;
    private final String description;
    private final List<ReplaySupplier> suppliers;
    private final Change change;
    private final boolean changeIsOutage;

    private ReplayScenario(String name, String description, List<ReplaySupplier> suppliers, Change change,
                           boolean changeIsOutage) {
        this.name = name;
        this.description = description;
        this.suppliers = suppliers;
        this.change = change;
        this.changeIsOutage = changeIsOutage;
    }

    private static List<ReplaySupplier> base(double broadnetMobile, double flakyTelecom) {
        return new ArrayList<>(List.of(
                new ReplaySupplier("sim-fast", Map.of("CHINA_MOBILE", 0.985, "CHINA_UNICOM", 0.98, "CHINA_TELECOM", 0.975),
                        150, 300, 9_720),
                new ReplaySupplier("sim-broadnet", Map.of("CHINA_MOBILE", broadnetMobile, "CHINA_UNICOM", 0.75,
                        "CHINA_BROADNET", 0.985), 250, 500, 9_600),
                new ReplaySupplier("sim-cheap", Map.of("CHINA_MOBILE", 0.92, "CHINA_UNICOM", 0.93, "CHINA_TELECOM", 0.91,
                        "CHINA_BROADNET", 0.90), 400, 900, 9_400),
                new ReplaySupplier("sim-flaky", Map.of("CHINA_MOBILE", 0.80, "CHINA_UNICOM", 0.97, "CHINA_TELECOM", flakyTelecom),
                        300, 700, 9_550)));
    }

    static List<ReplayScenario> all(double runSeconds) {
        return all(runSeconds, 0);
    }

    /**
     * The scenarios of a run of {@code runSeconds} that starts after {@code warmupSeconds} of orders the model
     * learns from but the figures leave out; every change is placed within the measured run.
     */
    static List<ReplayScenario> all(double runSeconds, double warmupSeconds) {
        double w = warmupSeconds;
        double third = runSeconds / 3;
        List<ReplaySupplier> withNew = base(0.995, 0.99);
        withNew.add(new ReplaySupplier("sim-new", Map.of("CHINA_MOBILE", 0.995, "CHINA_UNICOM", 0.99, "CHINA_TELECOM", 0.99),
                150, 300, 9_500, w + third));
        return List.of(
                new ReplayScenario("current", "the four suppliers of the through-the-app benchmark; sim-fast answers "
                        + "HTTP 503 from 40 % of the run for a quarter of it", base(0.995, 0.99),
                        new Change("sim-fast", null, null, w + runSeconds * 0.4, w + runSeconds * 0.65, "outage (503)"), true),
                new ReplayScenario("drift", "sim-flaky for China Telecom 98 % (the best choice for Telecom), 60 % from a "
                        + "third of the run, 98 % again from two thirds", base(0.995, 0.98),
                        new Change("sim-flaky", "CHINA_TELECOM", null, w + third, w + 2 * third, "98 % -> 60 %"), false),
                new ReplayScenario("province outage", "sim-broadnet fails every order from 广东 (HTTP 503) from a third "
                        + "to two thirds of the run", base(0.995, 0.99),
                        new Change("sim-broadnet", null, "广东", w + third, w + 2 * third, "广东 outage (503)"), true),
                new ReplayScenario("new channel", "sim-new (99-99.5 %, fast, 95.0 % cost) is configured a third into "
                        + "the run", withNew, new Change("sim-new", null, null, w + third, w + runSeconds, "joins"), false));
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    List<ReplaySupplier> suppliers() {
        return suppliers;
    }

    Change change() {
        return change;
    }

    /** Suppliers configured at this moment. */
    List<ReplaySupplier> configured(double second) {
        return suppliers.stream().filter(s -> s.joinsAtSecond() <= second).toList();
    }

    /** Whether the supplier answers HTTP 503 to this order now. */
    boolean outage(String channel, String province, double second) {
        return changeIsOutage && change.channel().equals(channel) && second >= change.fromSecond()
                && second < change.toSecond() && (change.province() == null || change.province().equals(province));
    }

    /** The true chance that an attempt of this order on the supplier succeeds now (0 when it does not serve it). */
    double odds(ReplaySupplier supplier, String carrier, String province, double second) {
        Double rate = supplier.successRate().get(carrier);
        if (rate == null || outage(supplier.code(), province, second)) {
            return 0;
        }
        if (!changeIsOutage && "drift".equals(name) && supplier.code().equals(change.channel())
                && carrier.equals(change.carrier()) && second >= change.fromSecond() && second < change.toSecond()) {
            rate = 0.60;
        }
        return ReplaySupplier.ACCEPTED * rate;
    }
}
