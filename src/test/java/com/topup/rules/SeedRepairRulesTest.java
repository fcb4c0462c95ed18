package com.topup.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.rules.model.AnomalyFact;
import com.topup.rules.model.AnomalyKind;
import com.topup.rules.model.OrderFact;
import com.topup.rules.model.RepairAction;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The starting repair policy, written in DRL, decides each anomaly kind as the product's design says. */
class SeedRepairRulesTest {

    private static DrlCompiler compiler;
    private static RuleSetRuntime repair;

    private static final OrderFact ORDER = new OrderFact("T1", "m", "STANDARD", "CHINA_MOBILE", "北京", null, 10_000,
            9_850, 1, 120_000);

    @BeforeAll
    static void compileSeedRules() throws IOException {
        compiler = new DrlCompiler(RuleVocabulary::sandbox, 1, 60_000);
        CompilationResult result = compiler.compile("repair", SeedRoutingRulesTest.seed("repair"));
        assertTrue(result.succeeded(), () -> "seed repair rules compile: " + result.errors());
        repair = new RuleSetRuntime("repair", 1, result.kieBase(), new RuleLimits(1_000, 1_000));
    }

    @AfterAll
    static void close() {
        repair.close();
        compiler.close();
    }

    private static AnomalyFact stuck(int queries, String lastQueryStatus) {
        return new AnomalyFact(AnomalyKind.STUCK_PROCESSING, "T1", "PROCESSING", "A", null, 90_000, queries,
                lastQueryStatus, 10_000, 0, 0, 0);
    }

    private static RepairAction decide(AnomalyFact anomaly) {
        RepairOutcome outcome = repair.repair(anomaly, ORDER);
        assertEquals(1, outcome.version());
        assertTrue(!outcome.firedRules().isEmpty(), "a rule fired");
        return outcome.action();
    }

    @Test
    void stuckOrderIsQueriedUntilTheChannelAnswers() {
        assertEquals(RepairAction.QUERY_CHANNEL, decide(stuck(0, null)));
        assertEquals(RepairAction.QUERY_CHANNEL, decide(stuck(2, "PROCESSING")));
        assertEquals(RepairAction.QUERY_CHANNEL, decide(stuck(4, "UNKNOWN")));
    }

    @Test
    void stuckOrderFollowsWhatTheChannelSays() {
        assertEquals(RepairAction.MARK_SUCCEEDED, decide(stuck(1, "SUCCEEDED")));
        assertEquals(RepairAction.FAIL_AND_REFUND, decide(stuck(1, "FAILED")));
        assertEquals(RepairAction.FAIL_AND_REFUND, decide(stuck(1, "NOT_FOUND")));
        assertEquals(RepairAction.MARK_SUCCEEDED, decide(stuck(9, "SUCCEEDED")), "a final answer beats the query limit");
    }

    @Test
    void stuckOrderWithoutAnAnswerAfterFiveQueriesGoesToAPerson() {
        assertEquals(RepairAction.HOLD_FOR_REVIEW, decide(stuck(5, "PROCESSING")));
    }

    @Test
    void duplicateSuccessClaimsTheSecondChargeBack() {
        AnomalyFact twice = new AnomalyFact(AnomalyKind.DUPLICATE_SUCCESS, "T1", "SUCCEEDED", "A", "B", 0, 0, null,
                10_000, 10_000, 0, 0);
        assertEquals(RepairAction.REVERSE_DUPLICATE_CHARGE, decide(twice));
    }

    @Test
    void amountMismatchGoesToAPerson() {
        AnomalyFact partial = new AnomalyFact(AnomalyKind.AMOUNT_MISMATCH, "T1", "PROCESSING", "A", null, 0, 0, null,
                10_000, 5_000, 0, 0);
        assertEquals(RepairAction.HOLD_FOR_REVIEW, decide(partial));
    }

    @Test
    void repeatedSubmissionWithinTenMinutesIsHeldLaterOnesGo() {
        AnomalyFact soon = AnomalyFact.of(AnomalyKind.DUPLICATE_SUBMISSION, "T1").orderStatus("PENDING")
                .amounts(10_000, 10_000).repeats(2, 86_400_000, 90_000).build();
        AnomalyFact later = AnomalyFact.of(AnomalyKind.DUPLICATE_SUBMISSION, "T1").orderStatus("PENDING")
                .amounts(10_000, 10_000).repeats(2, 86_400_000, 3_600_000).build();
        assertEquals(RepairAction.HOLD_FOR_REVIEW, decide(soon));
        assertEquals(RepairAction.IGNORE, decide(later));
    }

    @Test
    void aSuccessAfterTheRefundAndStatementDifferencesWaitForAPerson() {
        for (AnomalyKind kind : List.of(AnomalyKind.SUCCESS_AFTER_REFUND, AnomalyKind.SUPPLIER_CHARGED_NOT_RECORDED,
                AnomalyKind.SUPPLIER_MISSING_SUCCESS, AnomalyKind.STATEMENT_AMOUNT_DIFFERENCE)) {
            assertEquals(RepairAction.FLAG, decide(AnomalyFact.of(kind, "T1").orderStatus("FAILED").channel("A")
                    .amounts(10_000, 10_000).amountAtStake(9_850).build()), kind.name());
        }
    }
}
