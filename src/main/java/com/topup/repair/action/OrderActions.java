package com.topup.repair.action;

import com.topup.channel.ChannelDirectory;
import com.topup.channel.dispatch.Attempt;
import com.topup.channel.dispatch.AttemptStore;
import com.topup.channel.dispatch.FallbackExecutor;
import com.topup.notify.NotificationService;
import com.topup.notify.NotificationView;
import com.topup.order.OrderTransitions;
import com.topup.order.WorkOrder;
import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Carries out an operator's action on an order locked by the caller, with the guarded moves of the order's state
 * machine: a retry starts a new round of attempts, a refund fails the order with exactly one refund, mark-succeeded
 * records the supplier's reference. Open attempts a person gives up on end FAILED, so a late success on one of them
 * is still noticed (a duplicate, or a success after the refund).
 */
@ApplicationScoped
public class OrderActions {

    static final String ABANDONED = "ABANDONED_BY_OPERATOR";

    private final OrderTransitions orders;
    private final AttemptStore attempts;
    private final FallbackExecutor dispatch;
    private final NotificationService notifications;
    private final ChannelDirectory channels;

    public OrderActions(OrderTransitions orders, AttemptStore attempts, FallbackExecutor dispatch,
                        NotificationService notifications, ChannelDirectory channels) {
        this.orders = orders;
        this.attempts = attempts;
        this.dispatch = dispatch;
        this.notifications = notifications;
        this.channels = channels;
    }

    /** Refuses a request that could never be carried out, before anything is recorded. */
    public void check(ActionKind kind, ActionRequest request) {
        if (kind == ActionKind.RETRY) {
            for (String code : request.excluded()) {
                if (channels.find(code).isEmpty()) {
                    throw new ApiException(400, "INVALID_REQUEST", "excludeChannels: no channel " + code,
                            Map.of("field", "excludeChannels"));
                }
            }
        } else if (!request.excluded().isEmpty()) {
            throw new ApiException(400, "INVALID_REQUEST", "excludeChannels only applies to retry",
                    Map.of("field", "excludeChannels"));
        }
        if (kind == ActionKind.MARK_SUCCEEDED && (request.channelReference() == null || request.channelReference().isBlank())) {
            throw new ApiException(400, "INVALID_REQUEST", "mark-succeeded needs the supplier's channelReference",
                    Map.of("field", "channelReference"));
        }
    }

    /** @return a sentence saying what was done. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String carryOut(ActionKind kind, WorkOrder order, ActionRequest request, Instant now) {
        return switch (kind) {
            case RETRY -> {
                abandonOpenAttempts(order, now);
                orders.resumeFromReview(order.id(), request.excluded(), now);
                dispatch.redispatch(order);
                yield request.excluded().isEmpty() ? "sent to dispatch again"
                        : "sent to dispatch again, not to " + String.join(", ", request.excluded());
            }
            case REFUND -> {
                abandonOpenAttempts(order, now);
                orders.failAndRefund(order.id(), "REFUNDED_BY_OPERATOR", now);
                yield "order FAILED, " + order.price() + " fen refunded";
            }
            case MARK_SUCCEEDED -> {
                List<Attempt> all = attempts.ofOrder(order.id());
                Attempt last = all.isEmpty() ? null : all.get(all.size() - 1);
                attempts.abandonOpen(order.id(), ABANDONED, now).stream()
                        .filter(a -> last == null || !a.id().equals(last.id()))
                        .forEach(attempts::releaseQuota);
                if (last != null) {
                    attempts.declareSucceeded(last.id(), request.channelReference(), now);
                }
                orders.succeed(order.id(), now);
                yield "order SUCCEEDED with supplier reference " + request.channelReference()
                        + (last == null ? "" : " on " + last.channelCode());
            }
            case RESEND_NOTIFY -> {
                NotificationView queued = notifications.resend(order.id());
                yield "callback " + queued.eventId() + " queued";
            }
        };
    }

    private void abandonOpenAttempts(WorkOrder order, Instant now) {
        attempts.abandonOpen(order.id(), ABANDONED, now)
                .forEach(attempts::releaseQuota);
    }
}
