package com.topup.channel.dispatch;

import com.topup.channel.ChannelConfig;
import com.topup.channel.adapter.ChannelAdapters;
import com.topup.channel.adapter.SubmitResult;
import com.topup.common.tx.GroupCommit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Dispatches the orders of one read of topup.dispatch: plans their attempts (one transaction, with the orders of the
 * other reads that wait to be planned when {@code topup.channel.planning-groups-at-once} are busy), sends every submit at
 * once without a transaction or a thread per call (a slow supplier never holds a database connection), and records
 * the answers as they come: the first alone, and those that arrived while it was being recorded together, so an early
 * answer never waits for a slow one. When a group's transaction fails (a deadlock, one order's trouble), its orders
 * are handled again one transaction each, so one order never holds up the others.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final AttemptPlanner planner;
    private final AttemptOutcomes outcomes;
    private final ChannelAdapters adapters;
    private final MeterRegistry metrics;
    private final GroupCommit<String, Optional<PlannedAttempt>> planning;

    public Dispatcher(AttemptPlanner planner, AttemptOutcomes outcomes, ChannelAdapters adapters, MeterRegistry metrics,
                      ChannelConfig config) {
        this.planner = planner;
        this.outcomes = outcomes;
        this.adapters = adapters;
        this.metrics = metrics;
        this.planning = new GroupCommit<>(config.planningGroupsAtOnce(), config.planningGroupMax(), planner::plan,
                this::planTogether, failure -> {
                    LOG.debugf(failure, "Planning orders in one transaction failed; planning each in its own");
                    splitGroup("plan");
                });
        metrics.gauge("topup_dispatch_orders_waiting_to_plan", planning, GroupCommit::waitingCount);
    }

    /** Called on a worker thread, outside any transaction; a repeated order id is dispatched once. */
    public void dispatchAll(List<String> orderIds) {
        List<PlannedAttempt> planned = plan(orderIds.stream().distinct().toList());
        if (planned.isEmpty()) {
            return;
        }
        recordAsAnswered(planned.stream().map(this::submit).toList(), this::record);
    }

    /**
     * Plans the orders with those of the other polls waiting to be planned: one transaction for all of them when they
     * arrive while every planning slot is busy, else at once. An order that could not be planned is logged and left
     * where it is; the retry poller and the stuck-order scanner pick it up again.
     */
    private List<PlannedAttempt> plan(List<String> orderIds) {
        List<CompletableFuture<Optional<PlannedAttempt>>> results = planning.applyAll(orderIds);
        List<PlannedAttempt> planned = new ArrayList<>();
        for (int i = 0; i < orderIds.size(); i++) {
            try {
                results.get(i).join().ifPresent(planned::add);
            } catch (CompletionException e) {
                LOG.errorf(e.getCause(), "Dispatch of order %s failed", orderIds.get(i));
            }
        }
        return planned;
    }

    /**
     * The orders of several polls in one transaction, each answered: an order id that more than one poll carried is
     * planned once, and its other copies are answered with nothing planned, as a repeated message is.
     */
    private List<Optional<Optional<PlannedAttempt>>> planTogether(List<String> orderIds) {
        metrics.summary("topup_dispatch_planning_group_size").record(orderIds.size());
        Map<String, PlannedAttempt> planned = new HashMap<>();
        planner.planAll(orderIds.stream().distinct().toList()).forEach(p -> planned.put(p.orderId(), p));
        return orderIds.stream().map(id -> Optional.of(Optional.ofNullable(planned.remove(id)))).toList();
    }

    /**
     * Subscribes to every answer at once and hands them to {@code record} as they come, on the calling thread: the
     * first alone, then each time all that arrived meanwhile. Returns once every answer is recorded (or on interrupt).
     */
    static <T> void recordAsAnswered(List<Uni<T>> answers, Consumer<List<T>> record) {
        BlockingQueue<T> arrived = new LinkedBlockingQueue<>();
        answers.forEach(answer -> answer.subscribe().with(arrived::add));
        int recorded = 0;
        try {
            while (recorded < answers.size()) {
                List<T> ready = new ArrayList<>(List.of(arrived.take()));
                arrived.drainTo(ready);
                record.accept(ready);
                recorded += ready.size();
            }
        } catch (InterruptedException e) {
            // shutting down: the attempts not recorded stay SUBMITTING, and the stuck-attempt scan asks their channels
            Thread.currentThread().interrupt();
            LOG.warnf("Stopped waiting for %d submit answers", answers.size() - recorded);
        }
    }

    /** Never fails: an answer that cannot be read, or any other trouble, is an UNKNOWN outcome, as a timeout. */
    private Uni<SubmitAnswer> submit(PlannedAttempt attempt) {
        return Uni.createFrom().deferred(() -> {
            Timer.Sample sample = Timer.start(metrics);
            return adapters.forProtocol(attempt.channel().protocol())
                    .submitAsync(attempt.channel().endpoint(), attempt.request())
                    .onFailure().recoverWithItem(e -> SubmitResult.unknown("UNKNOWN", e.toString(), 0))
                    .invoke(result -> counted(sample, attempt, result))
                    .map(result -> new SubmitAnswer(attempt, result));
        });
    }

    /** Counted here, once per submit, whether its answer is recorded with the others or alone. */
    private void counted(Timer.Sample sample, PlannedAttempt attempt, SubmitResult result) {
        sample.stop(metrics.timer("topup_channel_submit_seconds", "channel", attempt.channel().code()));
        metrics.counter("topup_channel_submits_total", "channel", attempt.channel().code(),
                "outcome", result.outcome().name()).increment();
    }

    private void record(List<SubmitAnswer> answers) {
        if (answers.size() > 1) {
            try {
                outcomes.submittedAll(answers);
                return;
            } catch (RuntimeException e) {
                LOG.debugf(e, "Recording %d submit answers in one transaction failed; each in its own", answers.size());
                splitGroup("record");
            }
        }
        for (SubmitAnswer answer : answers) {
            try {
                outcomes.submitted(answer.attempt(), answer.result());
            } catch (RuntimeException e) {
                // the attempt stays SUBMITTING; the stuck-attempt scan asks the channel about it
                LOG.errorf(e, "Recording the submit answer for order %s failed", answer.attempt().orderId());
            }
        }
    }

    /** A group's transaction failed and its orders go one by one: rare, unless groups keep meeting each other. */
    private void splitGroup(String step) {
        metrics.counter("topup_dispatch_groups_split_total", "step", step).increment();
    }
}
