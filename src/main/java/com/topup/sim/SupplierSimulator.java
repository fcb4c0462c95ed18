package com.topup.sim;

import com.topup.channel.adapter.FormMd5Adapter;
import com.topup.channel.adapter.JsonHmacAdapter;
import com.topup.channel.adapter.StatementLine;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The simulated suppliers: their orders in memory, the fate of each order, the timed results, charges and callbacks,
 * and (through {@link SimSettlement}) reversals and statements. Everything runs on Vert.x timers; a reset makes every
 * timer set before it do nothing.
 */
@ApplicationScoped
public class SupplierSimulator {

    private static final Logger LOG = Logger.getLogger(SupplierSimulator.class);
    /** Unacknowledged callbacks are sent again after these delays, like the suppliers' own retry schedules. */
    private static final long[] CALLBACK_RETRY_DELAYS_MS = {5_000, 30_000};

    private final SimConfig config;
    private final Vertx vertx;
    private final SimCallbackSender callbacks;
    private final Clock clock;
    private final Map<String, SimProtocolCodec> codecs = Map.of(
            JsonHmacAdapter.PROTOCOL, new JsonHmacSimCodec(),
            FormMd5Adapter.PROTOCOL, new FormMd5SimCodec());
    private final SimOrderBook orders;
    private final SimSettlement settlement;
    private final AtomicLong epoch = new AtomicLong();
    private volatile Map<String, SimSupplierState> suppliers = Map.of();
    private volatile SimRandomness randomness = new SimRandomness(0);

    @Inject
    SupplierSimulator(SimConfig config, Vertx vertx, SimCallbackSender callbacks) {
        this(config, vertx, callbacks, Clock.systemUTC());
    }

    SupplierSimulator(SimConfig config, Vertx vertx, SimCallbackSender callbacks, Clock clock) {
        this.config = config;
        this.vertx = vertx;
        this.callbacks = callbacks;
        this.clock = clock;
        this.orders = new SimOrderBook(config.rememberedOrders());
        this.settlement = new SimSettlement(orders);
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            long seed = reset(null);
            LOG.infof("Supplier simulator on: %d suppliers from %s, seed %d", suppliers.size(), config.profile(), seed);
        }
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Reloads the profile, forgets every order and pending timer, and starts the randomness over; returns the seed. */
    public synchronized long reset(Long seed) {
        List<SimSupplierProfile> profiles = SimProfiles.loadResource(config.profile());
        epoch.incrementAndGet();
        orders.clear();
        long chosen = seed != null ? seed : config.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong());
        randomness = new SimRandomness(chosen);
        Instant now = clock.instant();
        Map<String, SimSupplierState> loaded = new LinkedHashMap<>();
        profiles.forEach(p -> loaded.put(p.code(), new SimSupplierState(p, now)));
        suppliers = Map.copyOf(loaded);
        return chosen;
    }

    public long seed() {
        return randomness.seed();
    }

    Collection<SimSupplierState> suppliers() {
        return suppliers.values();
    }

    Optional<SimSupplierState> supplier(String code) {
        return Optional.ofNullable(code == null ? null : suppliers.get(code));
    }

    SimProtocolCodec codec(String protocol) {
        return codecs.get(protocol);
    }

    /** The outage mode when the supplier is in an outage now, else null. */
    OutageMode outageNow(SimSupplierState supplier) {
        return supplier.inOutage(clock.instant()) ? supplier.behaviour().outageMode() : null;
    }

    Instant outageUntil(SimSupplierState supplier) {
        return supplier.outageUntil(clock.instant());
    }

    public Optional<SimOrder.View> order(String supplierCode, String reference) {
        return orders.find(supplierCode, reference).map(SimOrder::view);
    }

    /** The orders the suppliers charged, with their charges, for comparing with what the platform knows. */
    public List<SimOrder.View> chargedOrders() {
        return orders.charged().stream().map(SimOrder::view).toList();
    }

    int orderCount() {
        return orders.size();
    }

    void replaceBehaviour(SimSupplierState supplier, SupplierBehaviour behaviour) {
        supplier.replaceBehaviour(behaviour, clock.instant());
    }

    void outage(SimSupplierState supplier, Duration length) {
        supplier.outageFor(length, clock.instant());
    }

    /** Decides a submit; an accepted order's result and callbacks are scheduled here. */
    SubmitDecision submit(SimSupplierState supplier, SimSubmit submit) {
        SimStats stats = supplier.stats();
        stats.submits.increment();
        OrderFate fate = OrderFate.draw(supplier.behaviour(), supplier.code(), submit.carrier(),
                randomness.forOrder(supplier.code(), submit.reference()));
        Optional<SimOrder> known = orders.find(supplier.code(), submit.reference());
        if (known.isPresent()) {
            // A repeated reference is the platform retrying: the supplier answers as it did, and charges once.
            return new SubmitDecision(OrderFate.Immediate.ACCEPT, known.get().channelReference(), fate.submitDelayMs());
        }
        switch (fate.immediate()) {
            case ACCEPT -> { }
            case OUT_OF_STOCK -> {
                stats.outOfStock.increment();
                return new SubmitDecision(fate.immediate(), null, fate.submitDelayMs());
            }
            default -> {
                stats.rejected.increment();
                return new SubmitDecision(fate.immediate(), null, fate.submitDelayMs());
            }
        }
        SimOrder order = new SimOrder(supplier.code(), submit.reference(), submit.carrier(), submit.amount(),
                submit.callbackUrl(), fate.channelReference(), clock.instant(), fate.statementOmitted(),
                fate.statementAmountShift());
        SimOrder stored = orders.putIfAbsent(order);
        if (stored != order) {
            return new SubmitDecision(OrderFate.Immediate.ACCEPT, stored.channelReference(), fate.submitDelayMs());
        }
        stats.accepted.increment();
        long at = epoch.get();
        later(at, fate.resultDelayMs(), () -> finish(supplier, order, fate, at));
        return new SubmitDecision(OrderFate.Immediate.ACCEPT, order.channelReference(), fate.submitDelayMs());
    }

    /** Decides a status query's failure and delay; the answer is read from the order when it is given. */
    QueryFate query(SimSupplierState supplier, String reference) {
        SimStats stats = supplier.stats();
        stats.queries.increment();
        long queryNumber = orders.find(supplier.code(), reference).map(SimOrder::nextQueryNumber).orElse(0L);
        QueryFate fate = QueryFate.draw(supplier.behaviour(), randomness.forQuery(supplier.code(), reference, queryNumber));
        if (fate.fails()) {
            stats.queriesFailed.increment();
        }
        if (fate.slow()) {
            stats.queriesSlow.increment();
        }
        return fate;
    }

    /** Reverses one charge of an order, as the supplier's fate for that charge decides. */
    SimSettlement.ReversalDecision reverse(SimSupplierState supplier, SimReversal request) {
        return settlement.reverse(supplier, request, randomness, clock.instant());
    }

    /** The charges made on the UTC day and not reversed, as the supplier states them (in time order). */
    List<StatementLine> statement(SimSupplierState supplier, LocalDate day) {
        return settlement.statement(supplier, day);
    }

    long statementDelayMs(SimSupplierState supplier, LocalDate day) {
        return settlement.statementDelayMs(supplier, day, randomness);
    }

    private void finish(SimSupplierState supplier, SimOrder order, OrderFate fate, long at) {
        SimProtocolCodec codec = codecs.get(supplier.protocol());
        SimStats stats = supplier.stats();
        Instant now = clock.instant();
        order.finish(fate.succeeds(), codec.failureCode(), now);
        (fate.succeeds() ? stats.succeeded : stats.failed).increment();
        if (fate.succeeds()) {
            charge(order, order.channelReference(), now);
        } else if (fate.chargedDespiteFailure()) {
            charge(order, order.channelReference(), now);
            stats.chargedDespiteFailure.increment();
        }
        report(supplier, order, fate, at);
        if (fate.chargedTwice()) {
            later(at, fate.secondChargeGapMs(), () -> {
                charge(order, fate.secondReference(), clock.instant());
                stats.chargedTwice.increment();
                deliver(supplier, order, order.view(), fate.secondReference(), 0, at);
            });
        }
        if (fate.succeedsAfterFailure()) {
            later(at, supplier.behaviour().successAfterFailureDelayMs(), () -> {
                Instant then = clock.instant();
                order.succeedLate(then);
                charge(order, order.channelReference(), then);
                stats.succeededAfterFailure.increment();
                report(supplier, order, fate, at);
            });
        }
    }

    private void charge(SimOrder order, String channelReference, Instant at) {
        order.charge(channelReference, at);
        orders.charged(order, LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    /** Calls back the order's state as it is now, as the callback fate says (lost, late, duplicated). */
    private void report(SimSupplierState supplier, SimOrder order, OrderFate fate, long at) {
        SimStats stats = supplier.stats();
        if (fate.callbackLost()) {
            stats.callbacksLost.increment();
            return;
        }
        SimOrder.View reported = order.view();
        long delay = fate.callbackLate() ? supplier.behaviour().lateCallbackDelayMs() : 0;
        if (fate.callbackLate()) {
            stats.callbacksLate.increment();
        }
        later(at, delay, () -> deliver(supplier, order, reported, order.channelReference(), 0, at));
        if (fate.callbackDuplicated()) {
            stats.callbacksDuplicated.increment();
            later(at, delay + fate.duplicateGapMs(), () -> deliver(supplier, order, reported, order.channelReference(), 0, at));
        }
    }

    /** Posts the callback of the order as {@code reported}, retrying it while it is not acknowledged. */
    private void deliver(SimSupplierState supplier, SimOrder order, SimOrder.View reported, String channelReference,
                         int attempt, long at) {
        String url = order.callbackUrl();
        if (url == null || url.isBlank()) {
            return;
        }
        SimProtocolCodec codec = codecs.get(supplier.protocol());
        SimStats stats = supplier.stats();
        stats.callbacksSent.increment();
        order.callbackSent();
        SimMessage callback = codec.callback(supplier.secret(), reported, channelReference, clock.millis());
        callbacks.post(url, callback, acknowledged -> {
            if (acknowledged) {
                stats.callbacksAcknowledged.increment();
                order.callbackAcknowledged();
            } else {
                stats.callbacksUnacknowledged.increment();
                if (attempt < CALLBACK_RETRY_DELAYS_MS.length) {
                    later(at, CALLBACK_RETRY_DELAYS_MS[attempt],
                            () -> deliver(supplier, order, reported, channelReference, attempt + 1, at));
                }
            }
        }, codec);
    }

    /** Runs the action after the delay on a Vert.x timer, unless a reset happened since {@code scheduledAt}. */
    private void later(long scheduledAt, long delayMs, Runnable action) {
        vertx.setTimer(Math.max(1, delayMs), id -> {
            if (epoch.get() == scheduledAt) {
                action.run();
            }
        });
    }
}
