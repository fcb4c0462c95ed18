package com.topup.rules;

import com.topup.rules.model.AnomalyFact;
import com.topup.rules.model.AnomalyKind;
import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.FailureFact;
import com.topup.rules.model.OrderFact;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Representative facts a new runtime decides on once before it goes live (see {@link RuleSetRuntime#warmUp()}). */
final class WarmUpFacts {

    /** Generous for a cold KieBase on a busy machine, short enough that a looping rule set cannot stall a swap. */
    static final long BUDGET_MILLIS = 2_000;

    static final OrderFact ORDER = new OrderFact("WARM-UP", "warm-up", "STANDARD", "CHINA_MOBILE", "广东", "广州", 10_000,
            9_850, 1, 1_000);

    static final List<ChannelFact> CHANNELS = List.of(
            new ChannelFact("WARM-A", Set.of("CHINA_MOBILE"), Set.of(), Set.of(), 0.97, 0.98, 300, 1, 50, "CLOSED", 1_000_000),
            new ChannelFact("WARM-B", Set.of("CHINA_MOBILE", "CHINA_UNICOM"), Set.of("广东"), Set.of(10_000L), 0.99, 0.6, 900,
                    40, 50, "HALF_OPEN", 0),
            new ChannelFact("WARM-C", Set.of("CHINA_TELECOM"), Set.of(), Set.of(), 0.95, 0.99, 150, 0, 50, "OPEN", 1_000_000));

    static final FailureFact FAILURE = new FailureFact("WARM-A", "TIMEOUT", "E", 3_000);

    /** Forty channels of every carrier and state, for the trial a version passes before it may be activated. */
    static final List<ChannelFact> MANY_CHANNELS = java.util.stream.IntStream.range(0, 40)
            .mapToObj(i -> new ChannelFact("TRIAL-" + i, i % 5 == 0 ? Set.of("CHINA_MOBILE", "CHINA_UNICOM", "CHINA_TELECOM",
                    "CHINA_BROADNET") : Set.of(List.of("CHINA_MOBILE", "CHINA_UNICOM", "CHINA_TELECOM", "CHINA_BROADNET").get(i % 4)),
                    i % 3 == 0 ? Set.of("广东", "北京") : Set.of(), i % 7 == 0 ? Set.of(10_000L, 5_000L) : Set.of(),
                    0.93 + (i % 7) * 0.01, 0.5 + (i % 10) * 0.05, 100L + i * 70L, i % 11, 50, List.of("CLOSED", "OPEN",
                    "HALF_OPEN").get(i % 3), i % 13 == 0 ? 0 : 1_000_000))
            .toList();

    static final List<FailureFact> FAILURES = java.util.stream.Stream.of("REJECTED", "OUT_OF_STOCK", "TIMEOUT", "NETWORK",
            "INVALID_RESPONSE", "UNKNOWN", "NO_CHANNEL").map(c -> new FailureFact("TRIAL-1", c, "E" + c.length(), 1_000))
            .toList();

    static final List<AnomalyFact> ANOMALIES = Arrays.stream(AnomalyKind.values())
            .map(kind -> new AnomalyFact(kind, "WARM-UP", "PROCESSING", "WARM-A", "WARM-B", 60_000, 1, "PROCESSING",
                    10_000, 5_000, 2, 60_000))
            .toList();

    private WarmUpFacts() {
    }
}
