package com.topup.bench;

import com.topup.devenv.LocalApp;
import com.topup.sim.LatencyProfile;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;

/**
 * One app instance against two on the same machine, in one run: the same steady stream of orders (16 requests in
 * flight, spread over the instances as a round-robin balancer would) carried from intake to final state, first by one
 * instance, then by two on the same database and broker. For each it prints orders/s end to end (and the two-instance
 * figure as a ratio to the one-instance one), time to final, each process's CPU per order, how the partitions of
 * topup.dispatch are assigned to the instances, and each instance's database connections. The suppliers are simulated
 * by a process of their own, so both instances call the same suppliers. It ends by checking that every order it saw
 * accepted is final with its money moved exactly once ({@link MoneyCheck}). Run with bin/bench scale-out [orders=2000].
 */
public final class ScaleOutBench {

    private static final long SEED = 42;
    private static final int IN_FLIGHT = 16;
    private static final int WARM_UP_ORDERS = 1_000;
    private static final Duration FINAL_WITHIN = Duration.ofMinutes(5);
    private static final String DISPATCH_GROUP = "topup-dispatch";
    private static final List<SupplierPlan> SUPPLIERS = List.of(
            allSucceed("sim-fast", 9_720, "CHINA_MOBILE", "CHINA_UNICOM", "CHINA_TELECOM"),
            allSucceed("sim-cheap", 9_480, "CHINA_MOBILE", "CHINA_UNICOM", "CHINA_TELECOM"),
            allSucceed("sim-flaky", 9_550, "CHINA_MOBILE", "CHINA_UNICOM", "CHINA_TELECOM"),
            allSucceed("sim-broadnet", 9_600, "CHINA_BROADNET", "CHINA_MOBILE"));

    private record Phase(String name, double ordersPerSecond) {
    }

    private ScaleOutBench() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        System.out.printf("Scale-out: %d orders (%d in flight) carried by one instance, then by two on the same database and"
                + " broker; suppliers simulated in a process of their own, all succeed (submit ~20 ms, result median 200 ms)%n",
                orders, IN_FLIGHT);
        System.out.println(MachineLine.now());
        List<PlannedOrder> stream = OrderStream.of(2 * (WARM_UP_ORDERS + orders), SEED);
        try (BenchStack stack = BenchStack.startWithSimulator("scale-out-bench", SEED)) {
            LocalApp first = stack.freshApp("instance-1");
            StaffClient simulator = new StaffClient(stack.simulatorUrl(), stack.realmUrl());
            StaffClient platform = new StaffClient(first.url(), stack.realmUrl());
            simulator.post("admin", "/admin/api/sim/reset", Map.of("seed", SEED), 200);
            for (SupplierPlan supplier : SUPPLIERS) {
                platform.put("admin", "/admin/api/channels/" + supplier.code(), supplier.channelTerms());
                simulator.put("admin", "/admin/api/sim/suppliers/" + supplier.code(), supplier.behaviour());
            }
            List<Phase> phases = new ArrayList<>();
            try (Connection db = stack.openDatabase()) {
                FinalStateWatch watch = new FinalStateWatch(db);
                List<String> accepted = new ArrayList<>();
                List<LocalApp> instances = List.of(first);
                phases.add(run("one instance", instances, stream.subList(0, WARM_UP_ORDERS + orders), watch, db, stack,
                        accepted));
                LocalApp second = stack.addApp("instance-2");
                instances = List.of(first, second);
                phases.add(run("two instances", instances, stream.subList(WARM_UP_ORDERS + orders, stream.size()), watch,
                        db, stack, accepted));
                MoneyCheck.printAndRequire(db, accepted);
            }
            System.out.printf(Locale.ROOT, "two instances against one: %.1f / %.1f orders/s end to end = %.2f%n",
                    phases.get(1).ordersPerSecond(), phases.get(0).ordersPerSecond(),
                    phases.get(1).ordersPerSecond() / phases.get(0).ordersPerSecond());
        }
    }

    /** One phase; the orders it saw accepted are added to {@code accepted}. */
    private static Phase run(String name, List<LocalApp> instances, List<PlannedOrder> orders, FinalStateWatch watch,
                             Connection db, BenchStack stack, List<String> accepted) throws Exception {
        OrderSubmitter submitter = new OrderSubmitter(SignedMerchantClient.demo(instances.stream().map(LocalApp::url).toList()));
        String run = name.substring(0, 3).toUpperCase(Locale.ROOT);
        OrderSubmitter.Submission warmUp = submitter.bounded(orders.subList(0, WARM_UP_ORDERS), run + "W", IN_FLIGHT);
        accepted.addAll(warmUp.accepted());
        watch.await(warmUp.accepted(), FINAL_WITHIN, open -> { });

        List<Double> cpuBefore = instances.stream().map(app -> ProcessCpu.secondsOf(app.pid())).toList();
        ProcessCpu before = ProcessCpu.now();
        OrderSubmitter.Submission sent = submitter.bounded(orders.subList(WARM_UP_ORDERS, orders.size()), run, IN_FLIGHT);
        accepted.addAll(sent.accepted());
        Collection<FinalOrder> done = watch.await(sent.accepted(), FINAL_WITHIN, open -> { }).values();
        ProcessCpu after = ProcessCpu.now();
        Instant last = done.stream().map(FinalOrder::finishedAt).filter(t -> t != null).max(Instant::compareTo)
                .orElse(Instant.now());
        double seconds = Duration.between(sent.firstSent(), last).toMillis() / 1000.0;
        double perSecond = done.size() / seconds;
        Percentiles times = new Percentiles(done.stream().map(FinalOrder::millisToFinal).filter(m -> m != null).toList());
        System.out.printf(Locale.ROOT, "%n%s: %d orders accepted (%s refused), final %.2f s after the first submit -> %.1f"
                        + " orders/s end to end (%s); time to final p50 %d ms, p95 %d ms, max %d ms%n", name,
                sent.accepted().size(), sent.refusals(), seconds, perSecond, statuses(done), times.at(50), times.at(95),
                times.max());
        System.out.println("  " + after.since(before, done.size()));
        for (int i = 0; i < instances.size(); i++) {
            double used = ProcessCpu.secondsOf(instances.get(i).pid()) - cpuBefore.get(i);
            System.out.printf(Locale.ROOT, "  instance-%d: %.2f cores, %s; topup.dispatch partitions %s%n", i + 1,
                    used / seconds, ProcessMemory.of(instances.get(i).pid()),
                    partitionsOf(stack.kafkaBootstrap(), "instance-" + (i + 1)));
        }
        System.out.println("  database connections (application: open / active now): " + connections(db));
        return new Phase(name, perSecond);
    }

    /** The topup.dispatch partitions the broker assigned to an instance's consumer (its client id is the instance's name). */
    private static List<Integer> partitionsOf(String bootstrap, String instance) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(DISPATCH_GROUP)).all().get()
                    .get(DISPATCH_GROUP);
            return group.members().stream().filter(member -> member.clientId().startsWith(instance))
                    .flatMap(member -> member.assignment().topicPartitions().stream())
                    .map(partition -> partition.partition()).sorted().toList();
        }
    }

    private static String connections(Connection db) throws SQLException {
        Map<String, String> byApp = new TreeMap<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("""
                select application_name, count(*), count(*) filter (where state = 'active')
                from pg_stat_activity where datname = current_database() group by application_name""")) {
            while (rs.next()) {
                byApp.put(rs.getString(1).isEmpty() ? "(unnamed)" : rs.getString(1), rs.getInt(2) + " / " + rs.getInt(3));
            }
        }
        return byApp.toString();
    }

    private static SupplierPlan allSucceed(String code, int costRateBp, String... carriers) {
        Map<String, Double> rates = new TreeMap<>();
        for (String carrier : carriers) {
            rates.put(carrier, 1.0);
        }
        return new SupplierPlan(code, rates, 0, new LatencyProfile(20, 40), new LatencyProfile(200, 300), costRateBp, List.of());
    }

    private static Map<String, Long> statuses(Collection<FinalOrder> done) {
        return new TreeMap<>(done.stream().collect(Collectors.groupingBy(FinalOrder::status, Collectors.counting())));
    }
}
