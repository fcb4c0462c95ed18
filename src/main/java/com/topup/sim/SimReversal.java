package com.topup.sim;

/** A reversal asked of a simulated supplier, whatever the protocol: our reference, its charge's reference, fen. */
record SimReversal(String reference, String channelReference, long amount) {

    /** The supplier's verdict, which each protocol writes with its own codes. */
    enum Verdict {
        /** Taken back now or before: a reversal asked again answers the same and changes nothing. */
        REVERSED,
        /** The supplier has no order under the reference. */
        ORDER_NOT_FOUND,
        /** The order has no charge under the channel reference (it failed, or the reference is another). */
        NOT_CHARGED,
        /** The order has no result yet. */
        ORDER_PROCESSING,
        /** The amount asked differs from the one charged. */
        AMOUNT_MISMATCH,
        /** The supplier will not take the charge back. */
        REFUSED
    }
}
