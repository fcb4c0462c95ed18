package com.topup.repair.reconciliation;

import com.topup.audit.Actor;
import com.topup.channel.ChannelDefinition;
import com.topup.channel.ChannelDirectory;
import com.topup.channel.adapter.ChannelAdapters;
import com.topup.channel.adapter.ChannelEndpoint;
import com.topup.channel.adapter.StatementResult;
import com.topup.repair.RepairConfig;
import com.topup.rules.RulesReadiness;
import com.topup.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Supplier statement reconciliation (对账): each channel's statement of a UTC day is fetched (no transaction open)
 * and matched with the platform's attempts; every difference becomes an anomaly the repair rules decide about.
 * Runs for yesterday on a schedule on every instance — the run row decides which one does each channel's day —
 * and on demand by an operator.
 */
@ApplicationScoped
public class ReconciliationService {

    private static final Logger LOG = Logger.getLogger(ReconciliationService.class);
    private static final int RECENT_RUNS = 100;
    /** A scheduled run that finds its instance just started waits this long for the repair rules. */
    private static final Duration SCHEDULED_RULES_WAIT = Duration.ofMinutes(2);

    private final ReconciliationStore store;
    private final StatementApplier applier;
    private final ChannelDirectory directory;
    private final ChannelAdapters adapters;
    private final RepairConfig config;
    private final MeterRegistry metrics;
    private final RulesReadiness rules;

    public ReconciliationService(ReconciliationStore store, StatementApplier applier, ChannelDirectory directory,
                                 ChannelAdapters adapters, RepairConfig config, MeterRegistry metrics,
                                 RulesReadiness rules) {
        this.store = store;
        this.applier = applier;
        this.directory = directory;
        this.adapters = adapters;
        this.config = config;
        this.metrics = metrics;
        this.rules = rules;
    }

    /** An operator reconciles a channel's day now (again, if it ran before). */
    public ReconciliationReport runNow(String channelCode, String date, Actor actor) {
        ChannelDefinition channel = directory.find(channelCode)
                .orElseThrow(() -> new ApiException(404, "CHANNEL_NOT_FOUND", "No channel " + channelCode));
        LocalDate day = ReconciliationDates.parse(date);
        rules.requireReady();
        if (day.isAfter(LocalDate.now(ZoneOffset.UTC))) {
            throw new ApiException(400, "INVALID_REQUEST", "date is in the future", Map.of("field", "date"));
        }
        long runId = store.claim(channel.code(), day, actor.name(), true, config.reconciliationStale())
                .orElseThrow(() -> new ApiException(409, "RECONCILIATION_RUNNING",
                        "A reconciliation of " + channel.code() + " for " + day + " is running"));
        reconcile(runId, channel, day);
        applier.audited(channel.code(), day, actor);
        return report(channel.code(), date);
    }

    @Scheduled(cron = "${topup.repair.reconciliation-cron:0 30 1 * * ?}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void yesterday() {
        if (!rules.awaitReady(SCHEDULED_RULES_WAIT)) {
            // every instance runs this schedule: one still without its rules after the wait leaves the day to the others
            LOG.warn("Scheduled reconciliation skipped: this instance has not loaded its rules");
            return;
        }
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        for (ChannelDefinition channel : directory.all().values()) {
            store.claim(channel.code(), day, "scheduler", false, config.reconciliationStale())
                    .ifPresent(runId -> reconcile(runId, channel, day));
        }
    }

    @Transactional
    public ReconciliationReport report(String channelCode, String date) {
        LocalDate day = ReconciliationDates.parse(date);
        ReconciliationRun run = store.run(channelCode, day).orElseThrow(() -> new ApiException(404,
                "RECONCILIATION_NOT_FOUND", "No reconciliation of " + channelCode + " for " + day));
        return new ReconciliationReport(run, store.differences(run.id()), store.openClaims(channelCode));
    }

    @Transactional
    public List<ReconciliationRun> recent(String channelCode) {
        return store.recent(channelCode, RECENT_RUNS);
    }

    private void reconcile(long runId, ChannelDefinition channel, LocalDate day) {
        try {
            ChannelEndpoint endpoint = channel.endpoint();
            StatementResult statement = adapters.forProtocol(channel.protocol()).statement(new ChannelEndpoint(
                    endpoint.code(), endpoint.protocol(), endpoint.baseUrl(), endpoint.secret(), config.statementTimeout()),
                    day);
            if (!statement.available()) {
                store.fail(runId, "statement unavailable: " + statement.errorClass()
                        + (statement.message() == null ? "" : " (" + statement.message() + ")"));
                return;
            }
            StatementMatch.Result result = applier.apply(runId, channel.code(), day, statement.lines());
            result.differences().forEach(d -> metrics.counter("topup_reconciliation_differences_total",
                    "channel", channel.code(), "kind", d.kind().name()).increment());
            LOG.infof("Reconciled %s for %s: %d lines, %d matched, %d differences", channel.code(), day,
                    statement.lines().size(), result.matched(), result.differences().size());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Reconciliation of %s for %s failed", channel.code(), day);
            store.fail(runId, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
