package com.topup.channel.dispatch;

import com.topup.channel.adapter.ChannelStatus;
import com.topup.order.WorkOrder;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Where dispatch hands over when an order leaves the happy path. The repair feature implements it: it records the
 * anomaly, asks the repair rules and carries out their decision, inside the caller's transaction (the order row is
 * locked by the caller).
 */
public interface DispatchAnomalies {

    /**
     * Before these orders' first attempts: the ids of those that must not be dispatched now (held for review).
     */
    Set<String> heldBack(List<WorkOrder> fresh, Instant now);

    /** A status query past the channel's expected completion still has no final answer. */
    void stillOpen(WorkOrder order, Attempt attempt, ChannelStatus lastAnswer, long waitedMillis, Instant now);

    /** A second success for an order that already succeeded (another channel, or the same one again). */
    void duplicateSuccess(WorkOrder order, Attempt attempt, String firstChannel, String secondReference, Instant now);

    /** A channel reported a topped-up amount different from the face value. */
    void amountMismatch(WorkOrder order, Attempt attempt, long reportedAmount, Instant now);

    /** A channel reported success for an order that had already failed and been refunded. */
    void successAfterRefund(WorkOrder order, Attempt attempt, String channelReference, Instant now);
}
