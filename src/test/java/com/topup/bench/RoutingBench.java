package com.topup.bench;

import com.topup.rules.CompilationResult;
import com.topup.rules.DrlCompiler;
import com.topup.rules.RuleLimits;
import com.topup.rules.RuleSetRuntime;
import com.topup.rules.RuleVocabulary;
import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.OrderFact;
import com.topup.rules.model.RouteCandidate;
import com.topup.rules.model.RouteDecision;
import com.topup.rules.model.RuleRandom;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Routing decisions per second with the earlier seed DRL (routing v1) and 10 channels, on one thread and on two,
 * next to a hand-written Java implementation of the same policy measured in the same run; also the compile time
 * of those rules and of 500 generated rules. Run with bin/bench routing [seconds per measurement].
 */
public final class RoutingBench {

    private static final String[] CARRIERS = {"CHINA_MOBILE", "CHINA_UNICOM", "CHINA_TELECOM", "CHINA_BROADNET"};
    private static final String[] PROVINCES = {"北京", "广东", "上海", "浙江", "四川", "江苏"};

    private RoutingBench() {
    }

    public static void main(String[] args) throws Exception {
        // outside the app nothing configures logging: keep the engine's debug logging from being formatted
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<ChannelFact> channels = channels();
        List<OrderFact> orders = orders();
        String seed = seedRouting();
        try (DrlCompiler compiler = new DrlCompiler(RuleVocabulary::sandbox, 1, 120_000)) {
            long start = System.nanoTime();
            CompilationResult cold = compiler.compile("routing", seed);
            double coldMillis = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            CompilationResult compiled = compiler.compile("routing", seed);
            double warmMillis = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            CompilationResult generated = compiler.compile("routing", generatedRules(500));
            double generatedMillis = (System.nanoTime() - start) / 1e6;
            if (!cold.succeeded() || !compiled.succeeded() || !generated.succeeded()) {
                throw new IllegalStateException("compile failed: " + compiled.errors() + generated.errors());
            }
            System.out.printf("Routing benchmark: 10 channels, %d s per measurement, %d cores, Java %s%n",
                    seconds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.printf("compile: seed rules %.0f ms cold, %.0f ms warm; 500 generated rules %.0f ms%n",
                    coldMillis, warmMillis, generatedMillis);

            try (RuleSetRuntime drl = new RuleSetRuntime("routing", 1, compiled.kieBase(), new RuleLimits(10_000, 1_000))) {
                Function<Integer, String> drlDecision = i -> first(drl.route(orders.get(i % orders.size()), channels,
                        new RuleRandom(i)).ranked());
                Function<Integer, String> javaDecision = i -> first(HandWrittenRouting.route(orders.get(i % orders.size()),
                        channels, new RuleRandom(i)));
                for (int threads : new int[] {1, 2}) {
                    measure("warm-up DRL", drlDecision, threads, 2);
                    double rules = measure("DRL", drlDecision, threads, seconds);
                    measure("warm-up Java", javaDecision, threads, 2);
                    double java = measure("Java", javaDecision, threads, seconds);
                    System.out.printf("%d thread(s): DRL %,.0f decisions/s, hand-written Java %,.0f decisions/s, ratio %.3f%n",
                            threads, rules, java, rules / java);
                }
            }
        }
    }

    private static String first(List<RouteCandidate> ranked) {
        return ranked.isEmpty() ? null : ranked.get(0).channel();
    }

    private static double measure(String name, Function<Integer, String> decide, int threads, int seconds) throws Exception {
        LongAdder decisions = new LongAdder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * 1_000_000;
            Thread worker = new Thread(() -> {
                int i = offset;
                long n = 0;
                while ((n & 255) != 0 || System.nanoTime() < end) {
                    if (decide.apply(i++) == null) {
                        throw new IllegalStateException("no channel chosen");
                    }
                    n++;
                }
                decisions.add(n);
            }, name);
            workers.add(worker);
            worker.start();
        }
        long start = System.nanoTime();
        for (Thread worker : workers) {
            worker.join();
        }
        return decisions.sum() / ((System.nanoTime() - start) / 1e9);
    }

    private static List<ChannelFact> channels() {
        List<ChannelFact> channels = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Set<String> carriers = i < 2 ? Set.of(CARRIERS) : Set.of(CARRIERS[i % 4], CARRIERS[(i + 1) % 4]);
            Set<String> provinces = i % 3 == 0 ? Set.of(PROVINCES[i % PROVINCES.length]) : Set.of();
            channels.add(new ChannelFact("CH" + i, carriers, provinces, Set.of(), 0.95 + i * 0.003, 0.90 + i * 0.009,
                    150 + i * 90L, i * 3, 50, i == 7 ? "OPEN" : "CLOSED", i == 8 ? 0 : 100_000));
        }
        return channels;
    }

    private static List<OrderFact> orders() {
        List<OrderFact> orders = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            orders.add(new OrderFact("T" + i, "m" + (i % 8), "STANDARD", CARRIERS[i % 4], PROVINCES[i % PROVINCES.length], null,
                    1_000L * (1 + i % 5), 985L * (1 + i % 5), 1, 100));
        }
        return orders;
    }

    private static String seedRouting() throws Exception {
        try (InputStream in = RoutingBench.class.getResourceAsStream("/rules/earlier/routing-1.drl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String generatedRules(int count) {
        StringBuilder drl = new StringBuilder("""
                package com.topup.rules.routing;
                import com.topup.rules.model.OrderFact;
                import com.topup.rules.model.ChannelFact;
                import com.topup.rules.model.RouteDecision;
                """);
        for (int i = 0; i < count; i++) {
            drl.append("rule \"generated ").append(i).append("\"\n")
                    .append("    when\n")
                    .append("        $o : OrderFact( faceValue == ").append(1_000 * (i % 50 + 1)).append(", province == \"")
                    .append(PROVINCES[i % PROVINCES.length]).append("\" )\n")
                    .append("        $c : ChannelFact( code == \"CH").append(i % 10).append("\", successRate > 0.").append(50 + i % 40).append(" )\n")
                    .append("        $d : RouteDecision()\n")
                    .append("    then\n")
                    .append("        $d.propose($c, ").append(i % 100).append(" / 100.0, \"generated ").append(i).append("\");\n")
                    .append("end\n");
        }
        return drl.toString();
    }

    /** The seed routing policy written directly in Java: the baseline of the ratio. */
    static final class HandWrittenRouting {

        static List<RouteCandidate> route(OrderFact order, List<ChannelFact> channels, RuleRandom random) {
            RouteDecision decision = new RouteDecision();
            for (ChannelFact channel : channels) {
                if ("OPEN".equals(channel.getCircuitState())) {
                    decision.exclude(channel, "circuit open");
                }
                if (channel.getRemainingDailyQuota() <= 0) {
                    decision.exclude(channel, "daily quota used up");
                }
                if (channel.getInFlight() >= channel.getCapacity()) {
                    decision.exclude(channel, "no spare capacity");
                }
                if (channel.supports(order)) {
                    decision.propose(channel, 0.4 * channel.getLatencyScore() + 0.4 * channel.getSuccessRate()
                            + 0.2 * channel.getSpareCapacity(), "0.4 latency + 0.4 success rate + 0.2 spare capacity");
                }
            }
            decision.pickWeighted(random);
            return decision.getRanked();
        }
    }
}
