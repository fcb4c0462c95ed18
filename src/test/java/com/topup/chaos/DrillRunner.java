package com.topup.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Runs one drill: a platform on a fresh database (or the one under way), the steady load with callbacks to the
 * receiver, {@code before} of load, the fault, {@code after} of load, then up to {@code settle} for the orders to come
 * to rest, and the invariant check.
 */
final class DrillRunner {

    /** @param retryFor how long the merchant keeps trying an order that was not answered */
    record Settings(double ordersPerSecond, Duration before, Duration after, Duration settle, Duration retryFor,
                    boolean freshDatabase, long seed, boolean quickSuppliers) {
    }

    /** How long the platform has to flag a supplier's second charge once the drill has read the suppliers' charges. */
    private static final Duration FLAG_GRACE = Duration.ofSeconds(20);

    private final ChaosStack stack;
    private final CallbackReceiver receiver;
    private final Settings settings;
    private boolean platformUp;

    DrillRunner(ChaosStack stack, CallbackReceiver receiver, Settings settings) {
        this.stack = stack;
        this.receiver = receiver;
        this.settings = settings;
    }

    DrillReport run(Drill drill) throws Exception {
        if (settings.freshDatabase() || !platformUp) {
            stack.freshPlatform(settings.freshDatabase() ? drill.name() : "shared");
            platformUp = true;
        }
        Staff platformStaff = new Staff(stack.instanceUrls().get(0), stack.realmUrl());
        SimulatorControl simulator = new SimulatorControl(new Staff(stack.simulatorUrl(), stack.realmUrl()));
        simulator.reset(settings.seed());
        simulator.withoutChargesOnFailure();
        if (settings.quickSuppliers()) {
            simulator.quick();
            for (String code : simulator.suppliers()) {
                platformStaff.put("/admin/api/channels/" + code, java.util.Map.of("expectedCompletionMs", 3_000));
            }
        }
        receiver.mode(CallbackReceiver.Mode.ACCEPT);
        receiver.start();
        String run = drill.name().replaceAll("[^A-Za-z0-9]", "") + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        try (OrderEventsWatch events = new OrderEventsWatch(stack.kafkaBootstrap(), "chaos-" + run);
             OrderLoad load = new OrderLoad(run, stack::instanceUrls, receiver.url(), settings.ordersPerSecond(),
                     settings.retryFor())) {
            DrillContext context = new DrillContext(stack, load, receiver, simulator, drill.name());
            context.say(String.format("load at %.1f orders/s over %s", settings.ordersPerSecond(), stack.instanceUrls()));
            load.start();
            DrillContext.pause(settings.before());
            drill.run(context);
            DrillContext.pause(settings.after());
            Instant loadEnd = Instant.now();
            load.stopAndDrain(settings.retryFor().plusSeconds(15));
            List<SentOrder> sent = load.orders();
            context.say(sent.size() + " orders sent; waiting for them to come to rest");
            try (Connection db = stack.openDatabase()) {
                PlatformRecords platform = new PlatformRecords(db);
                List<String> ids = sent.stream().map(o -> o.merchantOrderId).toList();
                Map<String, OrderRecord> records = settle(platform, ids, events, context);
                Map<String, SimulatorControl.Charged> charges = simulator.charges();
                records = awaitFlags(platform, ids, records, charges, context);
                JsonNode ledger = platformStaff.get("/admin/api/merchants/" + SignedOrders.MERCHANT + "/reconciliation");
                return InvariantChecker.check(drill.name(), sent, records, charges, events, receiver, ledger,
                        context.faultStart(), context.faultEnd(), loadEnd);
            }
        }
    }

    /**
     * A supplier may charge an order a second time after the order came to rest; the platform learns of it from the
     * supplier's callback, so the orders charged twice get up to {@link #FLAG_GRACE} for their anomaly to be recorded.
     */
    private Map<String, OrderRecord> awaitFlags(PlatformRecords platform, List<String> ids,
                                                Map<String, OrderRecord> records,
                                                Map<String, SimulatorControl.Charged> charges,
                                                DrillContext context) throws Exception {
        long deadline = System.nanoTime() + FLAG_GRACE.toNanos();
        List<String> unflagged = InvariantChecker.unflaggedDoubleCharges(records.values(), charges);
        while (!unflagged.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            records = platform.read(ids);
            unflagged = InvariantChecker.unflaggedDoubleCharges(records.values(), charges);
        }
        if (!unflagged.isEmpty()) {
            context.say("charged twice and not flagged within " + FLAG_GRACE.toSeconds() + " s: " + unflagged);
        }
        return records;
    }

    /** Polls until every order rests, its events are out and its callback is in, or the settle time is over. */
    private Map<String, OrderRecord> settle(PlatformRecords platform, List<String> ids, OrderEventsWatch events,
                                            DrillContext context) throws Exception {
        Instant started = Instant.now();
        long deadline = System.nanoTime() + settings.settle().toNanos();
        Map<String, OrderRecord> records;
        long open;
        do {
            records = platform.read(ids);
            Map<String, CallbackReceiver.Delivered> delivered = receiver.delivered();
            open = records.values().stream().filter(o -> !o.settled() || !InvariantChecker.eventsComplete(o, events)
                    || (o.isFinal() && (delivered.get(o.orderId()) == null
                            || !o.status().equals(delivered.get(o.orderId()).lastStatus())))).count();
            if (open > 0) {
                Thread.sleep(1_000);
            }
        } while (open > 0 && System.nanoTime() < deadline);
        context.say("settled in " + Duration.between(started, Instant.now()).toSeconds() + " s (" + open + " still open)");
        Thread.sleep(1_000);
        return platform.read(ids);
    }
}
