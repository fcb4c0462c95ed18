package com.topup.sim;

/** The simulated supplier's synchronous answer to a submit, and after how long it is given. */
record SubmitDecision(OrderFate.Immediate immediate, String channelReference, long answerDelayMs) {

    boolean accepted() {
        return immediate == OrderFate.Immediate.ACCEPT;
    }
}
