package com.topup.repair.reconciliation;

import com.topup.channel.adapter.StatementLine;
import com.topup.rules.model.AnomalyKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a supplier's statement of one day with what the platform recorded (pure logic, no I/O). A line is a
 * charge: it matches our successful attempt under the same channel reference and amount. Differences:
 * <ul>
 * <li>a charge for an attempt we have as FAILED, or for a reference we never sent: SUPPLIER_CHARGED_NOT_RECORDED
 * (the money leak);</li>
 * <li>a second charge of a successful attempt under another channel reference: DUPLICATE_SUCCESS (unless already
 * known);</li>
 * <li>a charge of another amount than the order's face value: STATEMENT_AMOUNT_DIFFERENCE;</li>
 * <li>our success of that day that the statement does not list: SUPPLIER_MISSING_SUCCESS.</li>
 * </ul>
 * A charge for an attempt still open on our side is neither: the status queries and repair rules settle it.
 */
public final class StatementMatch {

    /** What came of the matching. */
    public record Result(int matched, int pending, List<Difference> differences, long statementTotal, long ourTotal) {
    }

    private StatementMatch() {
    }

    /**
     * @param ours              our attempts on the channel: those started that day and any the statement names
     * @param ourDayAttempts    ids of our attempts started that day (the ones a statement must list when successful)
     * @param knownDuplicates   channel references of second charges already recorded as duplicates
     */
    public static Result of(List<StatementLine> lines, Map<String, OurCharge> ours, Set<String> ourDayAttempts,
                            Set<String> knownDuplicates) {
        List<Difference> differences = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        int matched = 0;
        int pending = 0;
        long statementTotal = 0;
        for (StatementLine line : lines) {
            statementTotal += line.amount();
            OurCharge our = ours.get(line.reference());
            if (our == null || our.failed()) {
                differences.add(new Difference(AnomalyKind.SUPPLIER_CHARGED_NOT_RECORDED, line.reference(),
                        our == null ? null : our.orderId(), line.channelReference(), line.amount(),
                        our == null ? null : 0L, "CHARGED", our == null ? "UNKNOWN_REFERENCE" : our.status()));
                continue;
            }
            if (!our.succeeded()) {
                pending++;
                continue;
            }
            boolean ourCharge = our.channelReference() == null || our.channelReference().equals(line.channelReference());
            if (!ourCharge || listed.contains(line.reference())) {
                if (!knownDuplicates.contains(line.channelReference())) {
                    differences.add(new Difference(AnomalyKind.DUPLICATE_SUCCESS, line.reference(), our.orderId(),
                            line.channelReference(), line.amount(), our.amount(), "CHARGED", our.status()));
                } else {
                    matched++;
                }
                continue;
            }
            listed.add(line.reference());
            if (line.amount() != our.amount()) {
                differences.add(new Difference(AnomalyKind.STATEMENT_AMOUNT_DIFFERENCE, line.reference(), our.orderId(),
                        line.channelReference(), line.amount(), our.amount(), "CHARGED", our.status()));
            } else {
                matched++;
            }
        }
        long ourTotal = 0;
        for (String attemptId : ourDayAttempts) {
            OurCharge our = ours.get(attemptId);
            if (our == null || !our.succeeded()) {
                continue;
            }
            ourTotal += our.amount();
            if (!listed.contains(attemptId)) {
                differences.add(new Difference(AnomalyKind.SUPPLIER_MISSING_SUCCESS, attemptId, our.orderId(),
                        our.channelReference(), null, our.amount(), "NOT_LISTED", our.status()));
            }
        }
        return new Result(matched, pending, List.copyOf(differences), statementTotal, ourTotal);
    }
}
