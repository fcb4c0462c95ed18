package com.topup.repair.action;

import com.topup.order.OrderStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The operators' actions on an order (CONTRACT §3), with the path segment that names each and where it applies. */
public enum ActionKind {
    RETRY("retry", EnumSet.of(OrderStatus.REVIEW), false),
    REFUND("refund", EnumSet.of(OrderStatus.REVIEW), true),
    MARK_SUCCEEDED("mark-succeeded", EnumSet.of(OrderStatus.REVIEW), true),
    RESEND_NOTIFY("resend-notify", EnumSet.of(OrderStatus.SUCCEEDED, OrderStatus.FAILED), false);

    private final String path;
    private final Set<OrderStatus> appliesTo;
    private final boolean movesMoney;

    ActionKind(String path, Set<OrderStatus> appliesTo, boolean movesMoney) {
        this.path = path;
        this.appliesTo = appliesTo;
        this.movesMoney = movesMoney;
    }

    public static Optional<ActionKind> ofPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }

    public String path() {
        return path;
    }

    public boolean appliesTo(OrderStatus status) {
        return appliesTo.contains(status);
    }

    /** Above the four-eyes amount these wait for a second operator. */
    public boolean movesMoney() {
        return movesMoney;
    }
}
