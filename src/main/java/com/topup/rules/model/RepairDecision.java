package com.topup.rules.model;

/**
 * What repair rules fill in. Like the fallback decision, the first rule to decide wins (highest salience first);
 * later calls are ignored.
 */
public final class RepairDecision {

    private RepairAction action;
    private String reason;

    public void queryChannel(String reason) {
        decide(RepairAction.QUERY_CHANNEL, reason);
    }

    public void markSucceeded(String reason) {
        decide(RepairAction.MARK_SUCCEEDED, reason);
    }

    public void failAndRefund(String reason) {
        decide(RepairAction.FAIL_AND_REFUND, reason);
    }

    public void reverseDuplicateCharge(String reason) {
        decide(RepairAction.REVERSE_DUPLICATE_CHARGE, reason);
    }

    public void holdForReview(String reason) {
        decide(RepairAction.HOLD_FOR_REVIEW, reason);
    }

    public void flag(String reason) {
        decide(RepairAction.FLAG, reason);
    }

    public void ignore(String reason) {
        decide(RepairAction.IGNORE, reason);
    }

    public boolean isDecided() {
        return action != null;
    }

    public RepairAction getAction() {
        return action;
    }

    public String getReason() {
        return reason;
    }

    private void decide(RepairAction next, String why) {
        if (action == null) {
            action = next;
            reason = why;
        }
    }
}
