package com.topup.bench;

import java.util.Locale;

/**
 * A variant of the seed routing rules made by substituting numbers in their DRL text: the cost weight {@code wc}
 * (score {@code - wc * costRate}), a latency weight {@code wl} (score {@code - wl * expectedLatencyMillis / 1000})
 * and the two thresholds of the decision table (prefer at {@code prefer} and above, avoid below {@code avoid}).
 * The seed itself is {@code wc=1, wl=0, prefer=0.85, avoid=0.70}.
 */
record RoutingVariant(double costWeight, double latencyWeight, double prefer, double avoid) {

    static final RoutingVariant SEED = new RoutingVariant(1, 0, 0.85, 0.70);

    private static final String COST_TERM = " - $channel.getCostRate()";
    private static final String PREFER_PERCENT = "85 %";
    private static final String AVOID_PERCENT = "70 %";

    RoutingVariant {
        if (costWeight < 0 || latencyWeight < 0 || !(avoid > 0 && avoid <= prefer && prefer <= 1)) {
            throw new IllegalArgumentException("a variant needs wc >= 0, wl >= 0 and 0 < avoid <= prefer <= 1: "
                    + costWeight + ", " + latencyWeight + ", " + avoid + ", " + prefer);
        }
    }

    /** Parses {@code wc=1.5,wl=0.05,prefer=0.85,avoid=0.70}; an absent part keeps the seed's number. */
    static RoutingVariant parse(String spec) {
        double wc = SEED.costWeight;
        double wl = SEED.latencyWeight;
        double prefer = SEED.prefer;
        double avoid = SEED.avoid;
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected name=number in " + spec + ", got " + part);
            }
            double value = Double.parseDouble(kv[1].trim());
            switch (kv[0].trim()) {
                case "wc" -> wc = value;
                case "wl" -> wl = value;
                case "prefer" -> prefer = value;
                case "avoid" -> avoid = value;
                default -> throw new IllegalArgumentException("unknown part " + kv[0] + " in " + spec
                        + " (wc, wl, prefer, avoid)");
            }
        }
        return new RoutingVariant(wc, wl, prefer, avoid);
    }

    String name() {
        return String.format(Locale.ROOT, "wc=%s wl=%s%s", number(costWeight), number(latencyWeight),
                prefer == SEED.prefer && avoid == SEED.avoid ? "" : " " + number(prefer) + "/" + number(avoid));
    }

    /** The seed routing DRL with this variant's numbers; fails if the seed text no longer has what it replaces. */
    String apply(String seedDrl) {
        String penalty = " - " + number(costWeight) + " * $channel.getCostRate()"
                + (latencyWeight == 0 ? "" : " - " + number(latencyWeight) + " * $channel.getExpectedLatencyMillis() / 1000");
        String drl = replace(seedDrl, COST_TERM + ",", penalty + ",", 3);
        drl = replace(drl, "predictedSuccess >= 0.85", "predictedSuccess >= " + number(prefer), 1);
        drl = replace(drl, "predictedSuccess < 0.85", "predictedSuccess < " + number(prefer), 1);
        drl = replace(drl, "predictedSuccess >= 0.70", "predictedSuccess >= " + number(avoid), 1);
        drl = replace(drl, "predictedSuccess < 0.70", "predictedSuccess < " + number(avoid), 2);
        drl = drl.replace(PREFER_PERCENT, percent(prefer)).replace(AVOID_PERCENT, percent(avoid));
        return drl;
    }

    private static String replace(String text, String what, String with, int expected) {
        int found = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            found++;
        }
        if (found != expected) {
            throw new IllegalStateException("the seed routing rules have " + found + " x '" + what + "', expected "
                    + expected + ": the variant cannot be made");
        }
        return text.replace(what, with);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }
}
