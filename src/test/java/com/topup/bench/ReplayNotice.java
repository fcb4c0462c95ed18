package com.topup.bench;

import com.topup.channel.health.SuccessPrediction;
import java.util.ArrayList;
import java.util.List;

/**
 * How many orders concerned by a scenario's change (its channel's carrier and province, where it names them) the
 * success model needed to notice it: after the change, until the channel's predicted success for the order fell
 * below 85 % (no longer preferred) and below 70 % (avoided); after the change ends, until it rose to 85 % again; for
 * a channel that joins, until its prediction had a confidence of 0.5.
 */
final class ReplayNotice {

    private final ReplayScenario.Change change;
    private int during;
    private int after;
    private Integer belowPreferred;
    private Integer belowAvoid;
    private Integer recovered;
    private Integer confident;

    ReplayNotice(ReplayScenario.Change change) {
        this.change = change;
    }

    boolean concerns(ReplayOrder order) {
        return (change.carrier() == null || change.carrier().equals(order.carrier()))
                && (change.province() == null || change.province().equals(order.province()));
    }

    void observe(double second, SuccessPrediction p) {
        if (second >= change.fromSecond() && second < change.toSecond()) {
            during++;
            if (belowPreferred == null && p.success() < 0.85) {
                belowPreferred = during;
            }
            if (belowAvoid == null && p.success() < 0.70) {
                belowAvoid = during;
            }
            if (confident == null && p.confidence() >= 0.5) {
                confident = during;
            }
        } else if (second >= change.toSecond()) {
            after++;
            if (recovered == null && p.success() >= 0.85) {
                recovered = after;
            }
        }
    }

    /**
     * How routing followed the change: of the concerned orders arriving while it lasted, how many went first to the
     * changed channel, and after how many of them it stopped being first (the next 20 in a row went elsewhere) or,
     * for a channel that joins, became first; after the change, how many until one went to it first again.
     */
    String sentFirst(List<PlatformReplay.OrderRun> runs) {
        List<Boolean> during = new ArrayList<>();
        List<Boolean> after = new ArrayList<>();
        for (PlatformReplay.OrderRun r : runs) {
            if (!concerns(r.order) || r.attempts.isEmpty()) {
                continue;
            }
            boolean first = r.attempts.get(0).channel().equals(change.channel());
            double second = r.order.arrivalMillis() / 1000.0;
            if (during(second)) {
                during.add(first);
            } else if (second >= change.toSecond()) {
                after.add(first);
            }
        }
        long sent = during.stream().filter(b -> b).count();
        String summary = sent + " of " + during.size() + " concerned orders went first to " + change.channel();
        if (change.toSecond() > change.fromSecond() && after.isEmpty() && "joins".equals(change.what())) {
            return summary + "; first chosen at order " + (during.indexOf(true) + 1);
        }
        int stopped = -1;
        for (int i = 0; i + 20 <= during.size() && stopped < 0; i++) {
            if (!during.subList(i, i + 20).contains(true)) {
                stopped = i;
            }
        }
        return summary + "; stopped after " + (stopped < 0 ? "never" : stopped + " orders")
                + (after.isEmpty() ? "" : "; chosen first again " + (after.indexOf(true) < 0 ? "never"
                        : "at order " + (after.indexOf(true) + 1)) + " after the change ended");
    }

    private boolean during(double second) {
        return second >= change.fromSecond() && second < change.toSecond();
    }

    /** One line for the report. */
    String describe(boolean joins) {
        if (joins) {
            return "confidence 0.5 after " + orders(confident, during);
        }
        return "below 85 % after " + orders(belowPreferred, during) + ", below 70 % after " + orders(belowAvoid, during)
                + "; back at 85 % after " + orders(recovered, after);
    }

    private static String orders(Integer n, int of) {
        return n == null ? "never (" + of + " orders)" : n + " orders";
    }
}
