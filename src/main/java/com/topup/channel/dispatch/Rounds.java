package com.topup.channel.dispatch;

import com.topup.order.WorkOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An operator's retry starts a new round of attempts: channels tried before it may be tried again, unless the
 * operator excluded them. Each channel is tried at most once per round.
 */
final class Rounds {

    private Rounds() {
    }

    static List<Attempt> current(WorkOrder order, List<Attempt> attempts) {
        return attempts.stream().filter(a -> a.attemptNo() > order.retryRoundFrom()).toList();
    }

    static Set<String> triedChannels(WorkOrder order, List<Attempt> attempts) {
        Set<String> tried = new HashSet<>(order.excludedChannels());
        current(order, attempts).forEach(a -> tried.add(a.channelCode()));
        return tried;
    }
}
