package com.topup.repair.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.audit.Actor;
import com.topup.audit.AuditTrail;
import com.topup.common.crypto.Hmac;
import com.topup.order.StaffOrderQueries;
import com.topup.order.OrderStatus;
import com.topup.order.OrderTransitions;
import com.topup.order.WorkOrder;
import com.topup.repair.RepairConfig;
import com.topup.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Operators' actions on orders (CONTRACT §3). Each needs a reason, is idempotent under its action id (the same id
 * again returns the first answer), is a guarded transition from the states it applies to, and is audited. A refund
 * or mark-succeeded of an order priced above the four-eyes amount is only requested, and takes effect when a second
 * operator confirms it.
 */
@ApplicationScoped
public class OperatorActionService {

    private static final Pattern ACTION_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final int MAX_REASON = 1_000;
    private static final int MAX_LIST = 200;

    private final OperatorActionStore store;
    private final OrderActions actions;
    private final OrderTransitions orders;
    private final StaffOrderQueries views;
    private final AuditTrail audit;
    private final RepairConfig config;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    public OperatorActionService(OperatorActionStore store, OrderActions actions, OrderTransitions orders,
                                 StaffOrderQueries views, AuditTrail audit, RepairConfig config, ObjectMapper json,
                                 MeterRegistry metrics) {
        this.store = store;
        this.actions = actions;
        this.orders = orders;
        this.views = views;
        this.audit = audit;
        this.config = config;
        this.json = json;
        this.metrics = metrics;
    }

    /** @return the answer as JSON: the first answer again for a repeated action id. */
    @Transactional
    public String perform(ActionKind kind, String orderId, ActionRequest request, Actor actor) {
        validate(request);
        actions.check(kind, request);
        String actionId = request.actionId() == null ? UUID.randomUUID().toString() : request.actionId();
        String digest = digest(kind, orderId, request);
        WorkOrder order = orders.lockForWork(orderId)
                .orElseThrow(() -> new ApiException(404, "ORDER_NOT_FOUND", "No such order"));
        var earlier = store.find(actionId);
        if (earlier.isPresent()) {
            return repeated(earlier.get(), digest);
        }
        if (!kind.appliesTo(order.status())) {
            throw new ApiException(409, "INVALID_STATE", kind.path() + " does not apply to a " + order.status() + " order",
                    Map.of("status", order.status().name()));
        }
        Instant now = Instant.now();
        boolean fourEyes = kind.movesMoney() && order.price() > config.fourEyesAmount();
        ActionStatus status = fourEyes ? ActionStatus.AWAITING_SECOND_OPERATOR : ActionStatus.DONE;
        if (!store.insert(actionId, kind, orderId, status, actor.name(), request, order.price(), digest, now)) {
            return repeated(store.find(actionId).orElseThrow(), digest);
        }
        String outcome;
        if (fourEyes) {
            outcome = "awaits a second operator (price " + order.price() + " fen is above " + config.fourEyesAmount() + ")";
            audit.record(actor, "ORDER_" + kind + "_REQUESTED", "order:" + orderId, request.reason(),
                    state(order.status(), null), state(order.status(), actionId));
        } else {
            outcome = actions.carryOut(kind, order, request, now);
            audit.record(actor, "ORDER_" + kind, "order:" + orderId, request.reason(), state(order.status(), null),
                    state(currentStatus(orderId), actionId));
        }
        metrics.counter("topup_operator_actions_total", "kind", kind.name(), "status", status.name()).increment();
        return answer(actionId, orderId, outcome);
    }

    /** A second operator confirms a four-eyes request; it takes effect now, if the order still allows it. */
    @Transactional(dontRollbackOn = ApiException.class)
    public String confirm(String actionId, Actor actor) {
        OperatorActionStore.Stored action = awaiting(actionId);
        if (action.view().requestedBy().equals(actor.name())) {
            throw new ApiException(409, "SELF_CONFIRMATION", "The operator who asked for an action cannot confirm it",
                    Map.of("requestedBy", action.view().requestedBy()));
        }
        ActionKind kind = ActionKind.valueOf(action.view().kind());
        String orderId = action.view().orderId();
        WorkOrder order = orders.lockForWork(orderId).orElseThrow();
        Instant now = Instant.now();
        if (!kind.appliesTo(order.status())) {
            store.decide(actionId, ActionStatus.SUPERSEDED, actor.name(), null, "the order became " + order.status(), now);
            throw new ApiException(409, "INVALID_STATE", kind.path() + " no longer applies: the order is " + order.status(),
                    Map.of("status", order.status().name()));
        }
        ActionRequest request = new ActionRequest(action.view().reason(), actionId, action.view().channelReference(),
                action.view().excludeChannels());
        String outcome = actions.carryOut(kind, order, request, now);
        store.decide(actionId, ActionStatus.DONE, actor.name(), null, outcome, now);
        audit.record(actor, "ORDER_" + kind + "_CONFIRMED", "order:" + orderId, action.view().reason(),
                state(order.status(), actionId), state(currentStatus(orderId), actionId));
        metrics.counter("topup_operator_actions_total", "kind", kind.name(), "status", "CONFIRMED").increment();
        return write(new ActionAnswer(views.current(orderId).order(), store.find(actionId).orElseThrow().view()));
    }

    /** A four-eyes request is declined (by another operator, or withdrawn by its requester); nothing happens. */
    @Transactional
    public String reject(String actionId, String reason, Actor actor) {
        requireReason(reason);
        OperatorActionStore.Stored action = awaiting(actionId);
        Instant now = Instant.now();
        store.decide(actionId, ActionStatus.REJECTED, actor.name(), reason, "declined by " + actor.name(), now);
        String orderId = action.view().orderId();
        audit.record(actor, "ORDER_" + action.view().kind() + "_REJECTED", "order:" + orderId, reason,
                state(currentStatus(orderId), actionId), state(currentStatus(orderId), null));
        metrics.counter("topup_operator_actions_total", "kind", action.view().kind(), "status", "REJECTED").increment();
        return write(new ActionAnswer(views.current(orderId).order(), store.find(actionId).orElseThrow().view()));
    }

    @Transactional
    public List<ActionView> list(String status, String orderId) {
        ActionStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = ActionStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "INVALID_REQUEST", "status must be one of " + List.of(ActionStatus.values()),
                        Map.of("field", "status"));
            }
        }
        return store.list(wanted, orderId, MAX_LIST);
    }

    private OperatorActionStore.Stored awaiting(String actionId) {
        OperatorActionStore.Stored action = store.lock(actionId)
                .orElseThrow(() -> new ApiException(404, "ACTION_NOT_FOUND", "No action " + actionId));
        if (!ActionStatus.AWAITING_SECOND_OPERATOR.name().equals(action.view().status())) {
            throw new ApiException(409, "INVALID_STATE", "Action " + actionId + " is " + action.view().status(),
                    Map.of("status", action.view().status()));
        }
        return action;
    }

    private String repeated(OperatorActionStore.Stored earlier, String digest) {
        if (!earlier.digest().equals(digest)) {
            throw new ApiException(409, "ACTION_ID_REUSED", "Action id " + earlier.view().id()
                    + " was used for a different request", Map.of("actionId", earlier.view().id()));
        }
        return earlier.answer();
    }

    private String answer(String actionId, String orderId, String outcome) {
        store.answered(actionId, null, outcome);
        String answer = write(new ActionAnswer(views.current(orderId).order(), store.find(actionId).orElseThrow().view()));
        store.answered(actionId, answer, null);
        return answer;
    }

    private String currentStatus(String orderId) {
        return views.current(orderId).order().status();
    }

    private static String state(Object status, String actionId) {
        return actionId == null ? "{\"status\":\"" + status + "\"}"
                : "{\"status\":\"" + status + "\",\"action\":\"" + actionId + "\"}";
    }

    private static void validate(ActionRequest request) {
        if (request == null) {
            throw new ApiException(400, "INVALID_REQUEST", "A JSON body with a reason is required", Map.of("field", "reason"));
        }
        requireReason(request.reason());
        if (request.actionId() != null && !ACTION_ID.matcher(request.actionId()).matches()) {
            throw new ApiException(400, "INVALID_REQUEST", "actionId must be 1 to 64 of [A-Za-z0-9_.:-]",
                    Map.of("field", "actionId"));
        }
        if (request.channelReference() != null && request.channelReference().length() > 128) {
            throw new ApiException(400, "INVALID_REQUEST", "channelReference is longer than 128 characters",
                    Map.of("field", "channelReference"));
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ApiException(400, "INVALID_REQUEST", "A reason is required", Map.of("field", "reason"));
        }
        if (reason.length() > MAX_REASON) {
            throw new ApiException(400, "INVALID_REQUEST", "reason is longer than " + MAX_REASON + " characters",
                    Map.of("field", "reason"));
        }
    }

    private String digest(ActionKind kind, String orderId, ActionRequest request) {
        String canonical = String.join("\u001f", kind.name(), orderId, request.reason(),
                String.valueOf(request.channelReference()), String.join(",", request.excluded()));
        return Hmac.digestHex(canonical.getBytes(StandardCharsets.UTF_8));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
