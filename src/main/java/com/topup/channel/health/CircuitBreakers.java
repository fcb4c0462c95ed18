package com.topup.channel.health;

import com.topup.common.tx.TransactionResources;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One circuit breaker per supplier channel, shared by the whole cluster: the state lives in {@code channel_circuit}
 * and every change is a guarded update, so all instances see and make the same decisions. (SmallRye Fault
 * Tolerance's breaker keeps its state in each instance's memory, which is why it is not used here.)
 * <p>
 * Opening and half-opening are decided on the health refresh thread from the figures of each refresh; closing and
 * re-opening from half-open follow the probe results the dispatcher reports. {@link #state(String)} reads a copy
 * refreshed with the health figures, at most one refresh interval behind another instance's change.
 */
@ApplicationScoped
public class CircuitBreakers {

    static final String SYSTEM_ACTOR = "system";
    private static final Logger LOG = Logger.getLogger(CircuitBreakers.class);

    private final CircuitStore store;
    private final HealthClock clock;
    private final CircuitPolicy policy;
    private final MeterRegistry metrics;
    private final TransactionSynchronizationRegistry transactions;
    private volatile Map<String, CircuitRecord> circuits = Map.of();

    CircuitBreakers(CircuitStore store, HealthClock clock, ChannelHealthConfig config, MeterRegistry metrics,
                    TransactionSynchronizationRegistry transactions) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.policy = CircuitPolicy.of(config.circuit());
        this.metrics = metrics;
    }

    /** The channel's circuit state; CLOSED for a channel never seen failing. */
    public CircuitState state(String channelCode) {
        CircuitRecord circuit = circuits.get(channelCode);
        return circuit == null ? CircuitState.CLOSED : circuit.state();
    }

    /**
     * Asks to send a probe to a half-open channel. Empty when the circuit is not half-open or the cluster already
     * has the allowed number of probes in flight: then the channel must not be used for this order.
     */
    @Transactional
    public Optional<ProbePermit> tryAcquireProbe(String channelCode) {
        Optional<CircuitRecord> current = store.lock(channelCode);
        Optional<CircuitRecord> next = current.flatMap(c -> CircuitTransitions.admitProbe(c, clock.now(), policy));
        if (next.isEmpty() || !apply(current.get(), next.get(), SYSTEM_ACTOR)) {
            return Optional.empty();
        }
        return Optional.of(new ProbePermit(channelCode, next.get().generation()));
    }

    /**
     * Reports how a probe attempt ended. {@code success} is false only when the attempt failed by the channel's
     * fault ({@link ChannelFaults#isFault(String, String)}); a business refusal such as OUT_OF_STOCK is a success.
     */
    @Transactional
    public void probeFinished(ProbePermit permit, boolean success) {
        store.lock(permit.channelCode()).ifPresent(current -> CircuitTransitions
                .probeFinished(current, permit.generation(), success, clock.now(), policy)
                .ifPresent(next -> apply(current, next, SYSTEM_ACTOR)));
    }

    /** Takes a channel out of traffic now; it comes back through half-open after the open duration. */
    @Transactional
    public void openManually(String channelCode, String actor) {
        CircuitRecord current = store.lock(channelCode).orElse(CircuitRecord.closedWithoutRow(channelCode));
        CircuitTransitions.openManually(current, actor, clock.now()).ifPresent(next -> apply(current, next, actor));
    }

    /** Puts a channel back into full traffic now; earlier failures no longer count towards opening it. */
    @Transactional
    public void closeManually(String channelCode, String actor) {
        store.lock(channelCode).ifPresent(current -> CircuitTransitions.closeManually(current, actor, clock.now())
                .ifPresent(next -> apply(current, next, actor)));
    }

    /**
     * Evaluates every channel's circuit against the latest figures and makes the cached states those of the
     * database. Called by the health refresh; each transition is its own transaction.
     */
    void refresh(Collection<HealthFiguresReader.ChannelRow> channels) {
        Map<String, CircuitRecord> read = new HashMap<>();
        for (HealthFiguresReader.ChannelRow channel : channels) {
            read.put(channel.code(), channel.circuit());
        }
        remember(read);
        for (HealthFiguresReader.ChannelRow channel : channels) {
            evaluate(channel.circuit(), channel.recent());
        }
    }

    /** @return whether this call changed the circuit (false when it had nothing to do or another got there first) */
    boolean evaluate(CircuitRecord current, RecentOutcomes recent) {
        return CircuitTransitions.onRefresh(current, recent, clock.now(), policy)
                .map(next -> apply(current, next, SYSTEM_ACTOR))
                .orElse(false);
    }

    private boolean apply(CircuitRecord current, CircuitRecord next, String actor) {
        if (!store.write(current, next, actor)) {
            return false;
        }
        afterCommit(() -> published(current, next, actor));
        return true;
    }

    /** Runs the task once the caller's transaction has committed, or now when there is none (already committed). */
    private void afterCommit(Runnable task) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            task.run();
            return;
        }
        TransactionResources.afterCommit(transactions, task);
    }

    private void published(CircuitRecord current, CircuitRecord next, String actor) {
        remember(Map.of(next.channelCode(), next));
        if (current.state() != next.state()) {
            LOG.infof("Channel %s circuit %s -> %s: %s (%s)", next.channelCode(), current.state(), next.state(),
                    next.reason(), actor);
            metrics.counter("topup_channel_circuit_transitions_total", "channel", next.channelCode(),
                    "to", next.state().name()).increment();
        }
    }

    /** Keeps, per channel, whichever record is newer: the cached one (written here) or the one just read. */
    private synchronized void remember(Map<String, CircuitRecord> records) {
        Map<String, CircuitRecord> merged = new HashMap<>(circuits);
        records.forEach((code, record) -> merged.merge(code, record,
                (cached, fresh) -> fresh.version() >= cached.version() ? fresh : cached));
        circuits = Map.copyOf(merged);
    }
}
