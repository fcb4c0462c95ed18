package com.topup.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.channel.adapter.StatementLine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Charges, reversals and statements read from the order book, without HTTP. */
class SimSettlementTest {

    private static final Instant T0 = Instant.parse("2026-03-10T08:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final int CAPACITY = 100_000;

    private final SimOrderBook book = new SimOrderBook(CAPACITY);
    private final SimSettlement settlement = new SimSettlement(book);
    private final SimRandomness randomness = new SimRandomness(1);

    private static SimSupplierState supplier(double refuseRate) {
        SupplierBehaviour behaviour = new SupplierBehaviour(Map.of("CHINA_MOBILE", 1.0), 0, 0, null, null, null, List.of(),
                0, 0, 0, 0, 0, LatencyProfile.fixed(0), 0, null, 0, refuseRate, 0, 0, 0, 0, 0);
        return new SimSupplierState(new SimSupplierProfile("s", "S", "json-hmac", "secret-secret", behaviour), T0);
    }

    private SimOrder order(String reference, long amount, boolean omitted, long shift) {
        return book.putIfAbsent(new SimOrder("s", reference, "CHINA_MOBILE", amount, null, "C-" + reference, T0, omitted, shift));
    }

    private void charge(SimOrder order, String channelReference, Instant at) {
        order.charge(channelReference, at);
        book.charged(order, LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    @Test
    void aChargeIsReversedOnceAndAReversalAskedAgainChangesNothing() {
        SimSupplierState supplier = supplier(0);
        SimOrder order = order("R1", 5_000, false, 0);
        order.finish(true, null, T0);
        charge(order, "C-R1", T0);

        assertEquals(SimReversal.Verdict.AMOUNT_MISMATCH, verdict(supplier, "R1", "C-R1", 4_999));
        assertEquals(SimReversal.Verdict.REVERSED, verdict(supplier, "R1", "C-R1", 5_000));
        Instant reversedAt = order.view().charges().get(0).reversedAt();
        assertEquals(T0.plusSeconds(1), reversedAt);
        assertEquals(SimReversal.Verdict.REVERSED, settlement.reverse(supplier, new SimReversal("R1", "C-R1", 5_000),
                randomness, T0.plusSeconds(9)).verdict());
        assertEquals(reversedAt, order.view().charges().get(0).reversedAt(), "a second reversal changes nothing");
        assertEquals(SimOrder.Status.SUCCEEDED, order.view().status(), "the result stands, only the charge goes");
        assertEquals(List.of(), settlement.statement(supplier, DAY));
        assertEquals(3L, supplier.stats().snapshot().get("reversals"));
        assertEquals(1L, supplier.stats().snapshot().get("reversalsRefused"));
    }

    @Test
    void reversalsOfNothingAreRefusedWithTheirReason() {
        SimSupplierState supplier = supplier(0);
        SimOrder processing = order("P1", 1_000, false, 0);
        SimOrder failed = order("F1", 1_000, false, 0);
        failed.finish(false, "TOPUP_FAILED", T0);

        assertEquals(SimReversal.Verdict.ORDER_NOT_FOUND, verdict(supplier, "nobody", "C-x", 1_000));
        assertEquals(SimReversal.Verdict.ORDER_PROCESSING, verdict(supplier, "P1", "C-P1", 1_000));
        assertEquals(SimReversal.Verdict.NOT_CHARGED, verdict(supplier, "F1", "C-F1", 1_000));
        assertEquals(SimReversal.Verdict.NOT_CHARGED, verdict(supplier, "P1", "C-other", 1_000));
        assertEquals(SimOrder.Status.PROCESSING, processing.view().status());
    }

    @Test
    void aRefusalRateOfOneRefusesEveryChargeAndZeroNone() {
        SimSupplierState refusing = supplier(1);
        SimSupplierState willing = supplier(0);
        for (int i = 0; i < 50; i++) {
            SimOrder order = order("R" + i, 1_000, false, 0);
            order.finish(true, null, T0);
            charge(order, "C-R" + i, T0);
            assertEquals(SimReversal.Verdict.REFUSED, verdict(refusing, "R" + i, "C-R" + i, 1_000));
            assertEquals(SimReversal.Verdict.REFUSED, verdict(refusing, "R" + i, "C-R" + i, 1_000), "asked again: the same");
            assertEquals(SimReversal.Verdict.REVERSED, verdict(willing, "R" + i, "C-R" + i, 1_000));
            assertEquals(SimReversal.Verdict.REVERSED, verdict(refusing, "R" + i, "C-R" + i, 1_000), "reversed stays reversed");
        }
    }

    @Test
    void theStatementListsTheDaysStandingChargesAsTheSupplierMisstatesThem() {
        SimSupplierState supplier = supplier(0);
        SimOrder plain = order("A", 10_000, false, 0);
        charge(plain, "C-A", T0.plusSeconds(30));
        SimOrder twice = order("B", 5_000, false, 0);
        charge(twice, "C-B", T0.plusSeconds(10));
        charge(twice, "C-B2", T0.plusSeconds(20));
        SimOrder omitted = order("C", 5_000, true, 0);
        charge(omitted, "C-C", T0);
        SimOrder misstated = order("D", 5_000, false, -700);
        charge(misstated, "C-D", T0.plusSeconds(40));
        SimOrder small = order("E", 300, false, -500);
        charge(small, "C-E", T0.plusSeconds(50));
        SimOrder reversed = order("F", 5_000, false, 0);
        charge(reversed, "C-F", T0);
        assertEquals(SimReversal.Verdict.REVERSED, verdict(supplier, "F", "C-F", 5_000));
        SimOrder tomorrow = order("G", 5_000, false, 0);
        charge(tomorrow, "C-G", Instant.parse("2026-03-11T00:00:00Z"));
        order("H", 5_000, false, 0);

        List<StatementLine> lines = settlement.statement(supplier, DAY);

        assertEquals(List.of(
                new StatementLine("B", "C-B", 5_000, T0.plusSeconds(10)),
                new StatementLine("B", "C-B2", 5_000, T0.plusSeconds(20)),
                new StatementLine("A", "C-A", 10_000, T0.plusSeconds(30)),
                new StatementLine("D", "C-D", 4_300, T0.plusSeconds(40)),
                new StatementLine("E", "C-E", 800, T0.plusSeconds(50))), lines);
        assertEquals(List.of(new StatementLine("G", "C-G", 5_000, Instant.parse("2026-03-11T00:00:00Z"))),
                settlement.statement(supplier, DAY.plusDays(1)));
        assertEquals(List.of(), settlement.statement(supplier, DAY.minusDays(1)));
    }

    @Test
    void aBookRemembersAtLeastOneOrder() {
        assertThrows(IllegalArgumentException.class, () -> new SimOrderBook(0));
    }

    @Test
    void aForgottenOrderLeavesTheDayIndex() {
        SimSupplierState supplier = supplier(0);
        for (int i = 0; i < CAPACITY + 10; i++) {
            SimOrder order = order("R" + i, 100, false, 0);
            if (i < 20) {
                charge(order, "C-R" + i, T0);
            }
        }
        List<StatementLine> lines = settlement.statement(supplier, DAY);
        assertEquals(10, lines.size(), "the ten oldest orders are forgotten");
        assertEquals("R10", lines.get(0).reference());
    }

    @Test
    void aDayOfOneHundredThousandChargedOrdersIsStatedQuickly() {
        SimSupplierState supplier = supplier(0);
        for (int i = 0; i < 100_000; i++) {
            SimOrder order = order("R" + i, 1_000, false, 0);
            charge(order, "C-R" + i, T0.plusMillis(i * 600L));
        }
        long started = System.nanoTime();
        List<StatementLine> lines = settlement.statement(supplier, DAY);
        long millis = (System.nanoTime() - started) / 1_000_000;
        List<StatementLine> nextDay = settlement.statement(supplier, DAY.plusDays(1));
        System.out.printf("Statement of %d charges on one day read in %d ms%n", lines.size(), millis);
        assertEquals(100_000, lines.size() + nextDay.size());
        assertNotEquals(0, nextDay.size(), "charges after midnight go on the next day's statement");
        assertTrue(millis < 5_000, "took " + millis + " ms");
    }

    private SimReversal.Verdict verdict(SimSupplierState supplier, String reference, String channelReference, long amount) {
        return settlement.reverse(supplier, new SimReversal(reference, channelReference, amount), randomness,
                T0.plusSeconds(1)).verdict();
    }
}
