package com.topup.channel.dispatch;

import java.util.Optional;

/**
 * Attempt ids: the order's id, a dash and the attempt's number within the order ({@code T20261201083015123ABCDE12345-2}).
 * So a channel's report names the order to lock first without a look-up.
 */
final class AttemptIds {

    private AttemptIds() {
    }

    static String of(String orderId, int attemptNo) {
        return orderId + "-" + attemptNo;
    }

    /** The order an attempt id names; empty for anything not made by {@link #of}. */
    static Optional<String> orderOf(String attemptId) {
        int dash = attemptId == null ? -1 : attemptId.lastIndexOf('-');
        if (dash <= 0 || dash == attemptId.length() - 1) {
            return Optional.empty();
        }
        for (int i = dash + 1; i < attemptId.length(); i++) {
            if (!Character.isDigit(attemptId.charAt(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(attemptId.substring(0, dash));
    }
}
