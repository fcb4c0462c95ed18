package com.topup.sim;

import com.topup.channel.adapter.StatementLine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The money side of the simulated suppliers, read from their order book: reversing a charge, and the statement of the
 * charges made on one UTC day. Answers take the supplier's status-query latency.
 */
final class SimSettlement {

    private static final Comparator<StatementLine> STATEMENT_ORDER = Comparator.comparing(StatementLine::chargedAt)
            .thenComparing(StatementLine::reference).thenComparing(StatementLine::channelReference);

    /** A reversal's verdict and after how long it is given. */
    record ReversalDecision(SimReversal.Verdict verdict, long answerDelayMs) {
    }

    private final SimOrderBook orders;

    SimSettlement(SimOrderBook orders) {
        this.orders = orders;
    }

    ReversalDecision reverse(SimSupplierState supplier, SimReversal request, SimRandomness randomness, Instant now) {
        SupplierBehaviour behaviour = supplier.behaviour();
        RandomGenerator random = randomness.forReversal(supplier.code(), request.reference(), request.channelReference());
        boolean refuse = random.nextDouble() < behaviour.reversalRefuseRate();
        long delay = behaviour.queryLatency().draw(random);
        Optional<SimOrder> order = orders.find(supplier.code(), request.reference());
        SimReversal.Verdict verdict = order.isEmpty() ? SimReversal.Verdict.ORDER_NOT_FOUND
                : order.get().reverse(request.channelReference(), request.amount(), refuse, now);
        SimStats stats = supplier.stats();
        stats.reversals.increment();
        if (verdict != SimReversal.Verdict.REVERSED) {
            stats.reversalsRefused.increment();
        }
        return new ReversalDecision(verdict, delay);
    }

    /** After how long the statement of the day is answered. */
    long statementDelayMs(SimSupplierState supplier, LocalDate day, SimRandomness randomness) {
        return supplier.behaviour().queryLatency().draw(randomness.forStatement(supplier.code(), day));
    }

    /** The charges made on the UTC day and not reversed, in time order, as the supplier states them. */
    List<StatementLine> statement(SimSupplierState supplier, LocalDate day) {
        supplier.stats().statements.increment();
        List<StatementLine> lines = new ArrayList<>();
        for (SimOrder order : orders.chargedOn(supplier.code(), day)) {
            lines.addAll(order.statementLines(day));
        }
        lines.sort(STATEMENT_ORDER);
        return lines;
    }
}
