package com.topup.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * After a drill: compares what the merchant was told, what the platform's database holds, what the suppliers charged,
 * what reached {@code topup.order-events} and what the merchant's endpoint received, and prints the figures.
 */
final class InvariantChecker {

    private static final Set<String> FINAL_EVENTS = Set.of("ORDER_SUCCEEDED", "ORDER_FAILED", "ORDER_REVIEW");
    private static final Duration BUCKET = Duration.ofSeconds(5);

    private InvariantChecker() {
    }

    static DrillReport check(String drill, List<SentOrder> sent, Map<String, OrderRecord> records,
                             Map<String, SimulatorControl.Charged> charges, OrderEventsWatch events,
                             CallbackReceiver receiver, JsonNode ledger, Instant faultStart, Instant faultEnd,
                             Instant loadEnd) {
        DrillReport report = new DrillReport(drill);
        List<SentOrder> answered = sent.stream().filter(SentOrder::accepted).toList();
        List<SentOrder> unanswered = sent.stream().filter(o -> !o.accepted()).toList();
        long retried = answered.stream().filter(o -> o.tries > 1).count();
        long acceptedSilently = unanswered.stream().filter(o -> records.containsKey(o.merchantOrderId)).count();
        report.figure(String.format("orders sent %d, accepted %d (%d after a retry on another instance), not accepted %d,"
                        + " of which the platform has %d", sent.size(), answered.size(), retried, unanswered.size(),
                acceptedSilently));
        Map<String, Long> refusals = unanswered.stream().collect(Collectors.groupingBy(
                o -> String.valueOf(o.lastRefusal), TreeMap::new, Collectors.counting()));
        refusals.forEach((why, n) -> report.figure("  not accepted: " + n + " x " + why));
        report.summary.put("accepted", Long.toString(answered.size() + acceptedSilently));

        report.expect("orders lost (accepted, not in the database)",
                answered.stream().filter(o -> !records.containsKey(o.merchantOrderId)
                        || !records.get(o.merchantOrderId).orderId().equals(o.orderId)).count(), 0);

        Collection<OrderRecord> orders = records.values();
        List<OrderRecord> unsettled = orders.stream().filter(o -> !o.settled()).toList();
        report.expect("orders not final after the settle time (REVIEW with an open anomaly aside)", unsettled.size(), 0);
        unsettled.stream().collect(Collectors.groupingBy(OrderRecord::why, TreeMap::new, Collectors.counting()))
                .entrySet().stream().limit(8).forEach(e -> report.figure("  " + e.getValue() + " x " + e.getKey()));
        List<OrderRecord> review = orders.stream().filter(o -> o.status().equals("REVIEW") && o.settled()).toList();
        report.figure("orders in REVIEW with an open anomaly: " + review.size() + kinds(review));
        report.summary.put("review", Integer.toString(review.size()));
        report.summary.put("not final", Integer.toString(unsettled.size()));

        report.expect("double debits or refunds (ledger)", orders.stream().filter(o -> o.debits() != 1 || o.refunds() > 1
                || (o.status().equals("FAILED") && o.refunds() != 1)
                || (o.status().equals("SUCCEEDED") && o.refunds() > o.recharges())).count(), 0);

        checkSupplierCharges(report, orders, charges);

        long missingEvents = orders.stream().filter(o -> !eventsComplete(o, events)).count();
        report.expect("orders with events missing from topup.order-events", missingEvents, 0);
        report.summary.put("events missing", Long.toString(missingEvents));

        Map<String, CallbackReceiver.Delivered> delivered = receiver.delivered();
        long notDelivered = orders.stream().filter(OrderRecord::isFinal).filter(o -> {
            CallbackReceiver.Delivered d = delivered.get(o.orderId());
            return d == null || !o.status().equals(d.lastStatus());
        }).count();
        report.expect("final orders whose merchant callback was not delivered", notDelivered, 0);
        report.figure("callback events delivered more than once (at-least-once): " + receiver.redeliveredEvents()
                + "; calls answered 503 by the merchant: " + receiver.refusedCalls());
        report.summary.put("callbacks missing", Long.toString(notDelivered));

        boolean balanced = ledger.path("balanced").asBoolean(false);
        report.figure("ledger: balance " + ledger.path("balance").asLong() + " = opening " + ledger.path("opening").asLong()
                + " + credits " + ledger.path("credits").asLong() + " - debits " + ledger.path("debits").asLong()
                + " + refunds " + ledger.path("refunds").asLong() + " - re-charges " + ledger.path("recharges").asLong());
        report.expect("ledger reconciliation differences", balanced ? 0 : 1, 0);

        phases(report, orders, faultStart, faultEnd, loadEnd, receiver);
        return report;
    }

    /** ORDER_ACCEPTED, and the event of the state the order rests in when it rests (SUCCEEDED, FAILED, REVIEW). */
    static boolean eventsComplete(OrderRecord order, OrderEventsWatch events) {
        Set<String> types = events.types(order.orderId());
        boolean resting = FINAL_EVENTS.contains("ORDER_" + order.status());
        return types.contains("ORDER_ACCEPTED") && (!resting || types.contains("ORDER_" + order.status()));
    }

    /** Two standing supplier charges for one order need an anomaly; so does a charge on an order we have as FAILED. */
    private static void checkSupplierCharges(DrillReport report, Collection<OrderRecord> orders,
                                             Map<String, SimulatorControl.Charged> charges) {
        long doubles = orders.stream().filter(o -> made(o, charges) > 1).count();
        int unflaggedDoubles = unflaggedDoubleCharges(orders, charges).size();
        long unflaggedOnFailed = orders.stream()
                .filter(o -> o.status().equals("FAILED") && standing(o, charges) > 0 && o.anomalyKinds().isEmpty())
                .count();
        report.figure("orders a supplier charged more than once: " + doubles + " (flagged or reversed by the platform: "
                + (doubles - unflaggedDoubles) + ")");
        report.expect("unflagged double supplier charges", unflaggedDoubles, 0);
        report.expect("unflagged supplier charges on orders FAILED and refunded", unflaggedOnFailed, 0);
        report.summary.put("double charges unflagged", Integer.toString(unflaggedDoubles));
    }

    /** The orders with two or more supplier charges standing and no anomaly recorded, by the platform's order id. */
    static List<String> unflaggedDoubleCharges(Collection<OrderRecord> orders, Map<String, SimulatorControl.Charged> charges) {
        return orders.stream().filter(o -> standing(o, charges) > 1 && o.anomalyKinds().isEmpty())
                .map(OrderRecord::orderId).toList();
    }

    private static int standing(OrderRecord order, Map<String, SimulatorControl.Charged> charges) {
        return order.attemptIds().stream().map(charges::get).filter(c -> c != null)
                .mapToInt(SimulatorControl.Charged::standing).sum();
    }

    private static int made(OrderRecord order, Map<String, SimulatorControl.Charged> charges) {
        return order.attemptIds().stream().map(charges::get).filter(c -> c != null)
                .mapToInt(SimulatorControl.Charged::charges).sum();
    }

    private static void phases(DrillReport report, Collection<OrderRecord> orders, Instant faultStart, Instant faultEnd,
                               Instant loadEnd, CallbackReceiver receiver) {
        PhaseFigures before = PhaseFigures.of("before", select(orders, o -> o.createdAt().isBefore(faultStart)));
        PhaseFigures during = PhaseFigures.of("during", select(orders,
                o -> !o.createdAt().isBefore(faultStart) && o.createdAt().isBefore(faultEnd)));
        PhaseFigures after = PhaseFigures.of("after", select(orders, o -> !o.createdAt().isBefore(faultEnd)));
        for (PhaseFigures phase : List.of(before, during, after)) {
            report.figure(phase.line());
        }
        report.summary.put("success before/during/after", String.format("%s / %s / %s", percent(before), percent(during),
                percent(after)));
        report.summary.put("p95 to final before/during/after", PhaseFigures.seconds(before.p95()) + " / "
                + PhaseFigures.seconds(during.p95()) + " / " + PhaseFigures.seconds(after.p95()));
        String recovery = recovery(orders, before, faultEnd, loadEnd);
        report.figure("time to recover (orders created from then on do as well as before the fault): " + recovery);
        report.summary.put("recovery", recovery);
        Instant lastCallback = receiver.lastNewDelivery();
        if (lastCallback != null && lastCallback.isAfter(faultEnd)) {
            report.figure("last new merchant callback acknowledged "
                    + PhaseFigures.seconds(Duration.between(faultEnd, lastCallback)) + " after the fault ended");
        }
    }

    /**
     * From the fault's end, the first 5-second bucket of created orders from which every bucket up to the end of the
     * load succeeds within 10 points of the rate before the fault and finishes (median) within twice the time before.
     */
    private static String recovery(Collection<OrderRecord> orders, PhaseFigures before, Instant faultEnd, Instant loadEnd) {
        if (before.orders() == 0 || before.p50() == null) {
            return "-";
        }
        Duration slowest = before.p50().multipliedBy(2).plusSeconds(1);
        List<Boolean> good = new ArrayList<>();
        for (Instant from = faultEnd; from.isBefore(loadEnd); from = from.plus(BUCKET)) {
            Instant start = from;
            Instant end = from.plus(BUCKET);
            PhaseFigures bucket = PhaseFigures.of("bucket", select(orders,
                    o -> !o.createdAt().isBefore(start) && o.createdAt().isBefore(end)));
            good.add(bucket.orders() == 0 || (bucket.successRate() >= before.successRate() - 0.10
                    && bucket.p50() != null && bucket.p50().compareTo(slowest) <= 0));
        }
        for (int i = 0; i < good.size(); i++) {
            if (good.subList(i, good.size()).stream().allMatch(g -> g)) {
                return i * BUCKET.toSeconds() + " s";
            }
        }
        return "not within the load";
    }

    private static String percent(PhaseFigures phase) {
        return phase.orders() == 0 ? "-" : String.format("%.1f %%", 100 * phase.successRate());
    }

    private static List<OrderRecord> select(Collection<OrderRecord> orders, Predicate<OrderRecord> which) {
        return orders.stream().filter(which).toList();
    }

    private static String kinds(List<OrderRecord> review) {
        if (review.isEmpty()) {
            return "";
        }
        return " " + review.stream().flatMap(o -> o.anomalyKinds().stream())
                .collect(Collectors.groupingBy(k -> k, TreeMap::new, Collectors.counting()));
    }
}
