package com.topup.repair.reconciliation;

/**
 * What the platform knows of one attempt on the channel: whether it thinks the supplier charged (SUCCEEDED), not
 * (FAILED) or does not know yet, under which channel reference and for how much.
 */
record OurCharge(String attemptId, String orderId, String status, String channelReference, long amount) {

    boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }

    boolean failed() {
        return "FAILED".equals(status);
    }
}
