package com.topup.repair.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.topup.channel.adapter.StatementLine;
import com.topup.rules.model.AnomalyKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatementMatchTest {

    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

    private static StatementLine line(String reference, String channelReference, long amount) {
        return new StatementLine(reference, channelReference, amount, AT);
    }

    private static OurCharge ours(String attempt, String status, String channelReference) {
        return new OurCharge(attempt, "T-" + attempt, status, channelReference, 10_000);
    }

    private static List<AnomalyKind> kinds(StatementMatch.Result result) {
        return result.differences().stream().map(Difference::kind).toList();
    }

    @Test
    void aStatementThatAgreesHasNoDifferences() {
        StatementMatch.Result result = StatementMatch.of(List.of(line("A-1", "X1", 10_000), line("B-1", "X2", 10_000)),
                Map.of("A-1", ours("A-1", "SUCCEEDED", "X1"), "B-1", ours("B-1", "SUCCEEDED", "X2"),
                        "C-1", ours("C-1", "FAILED", null)),
                Set.of("A-1", "B-1", "C-1"), Set.of());
        assertEquals(2, result.matched());
        assertEquals(List.of(), result.differences());
        assertEquals(20_000, result.statementTotal());
        assertEquals(20_000, result.ourTotal());
    }

    @Test
    void aChargeForAFailedAttemptOrAnUnknownReferenceIsTheMoneyLeak() {
        StatementMatch.Result result = StatementMatch.of(List.of(line("A-1", "X1", 10_000), line("Z-9", "X9", 5_000)),
                Map.of("A-1", ours("A-1", "FAILED", null)), Set.of("A-1"), Set.of());
        assertEquals(List.of(AnomalyKind.SUPPLIER_CHARGED_NOT_RECORDED, AnomalyKind.SUPPLIER_CHARGED_NOT_RECORDED),
                kinds(result));
        assertEquals("T-A-1", result.differences().get(0).orderId());
        assertEquals(null, result.differences().get(1).orderId());
    }

    @Test
    void aSecondChargeIsADuplicateUnlessAlreadyKnown() {
        Map<String, OurCharge> our = Map.of("A-1", ours("A-1", "SUCCEEDED", "X1"));
        List<StatementLine> twice = List.of(line("A-1", "X1", 10_000), line("A-1", "X1-BIS", 10_000));
        assertEquals(List.of(AnomalyKind.DUPLICATE_SUCCESS), kinds(StatementMatch.of(twice, our, Set.of("A-1"), Set.of())));
        StatementMatch.Result known = StatementMatch.of(twice, our, Set.of("A-1"), Set.of("X1-BIS"));
        assertEquals(List.of(), known.differences());
        assertEquals(2, known.matched());
    }

    @Test
    void aMissingSuccessAndAWrongAmountAreDifferencesAndAnOpenAttemptIsLeftToItsQueries() {
        StatementMatch.Result result = StatementMatch.of(List.of(line("A-1", "X1", 9_000), line("P-1", "XP", 10_000)),
                Map.of("A-1", ours("A-1", "SUCCEEDED", "X1"), "B-1", ours("B-1", "SUCCEEDED", "X2"),
                        "P-1", ours("P-1", "PROCESSING", null)),
                Set.of("A-1", "B-1", "P-1"), Set.of());
        assertEquals(List.of(AnomalyKind.STATEMENT_AMOUNT_DIFFERENCE, AnomalyKind.SUPPLIER_MISSING_SUCCESS), kinds(result));
        assertEquals(1, result.pending());
        assertEquals(9_000L, result.differences().get(0).statementAmount());
        assertEquals("B-1", result.differences().get(1).reference());
    }
}
