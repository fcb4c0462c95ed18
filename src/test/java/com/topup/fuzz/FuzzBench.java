package com.topup.fuzz;

import com.topup.bench.BenchStack;
import com.topup.bench.MachineLine;
import com.topup.devenv.LocalApp;
import java.sql.Connection;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code bin/bench fuzz [inputs=10000] [seed]}: the fuzz properties of {@link FuzzTest} with many more inputs per
 * surface, against an app of its own (demo profile, simulated suppliers). Stops at the first input that breaks a
 * property, shrunk and named.
 */
public final class FuzzBench {

    private FuzzBench() {
    }

    public static void main(String[] args) throws Exception {
        int inputs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.currentTimeMillis();
        System.out.println(MachineLine.now());
        System.out.printf("Fuzzing with %,d inputs per surface, seed %d (repeat a run with: bin/bench fuzz %d %d)%n",
                inputs, seed, inputs, seed);
        try (BenchStack stack = BenchStack.start("fuzz-bench")) {
            LocalApp app = stack.freshApp("fuzz");
            FuzzSetup.openMerchant(app.url(), stack.realmUrl());
            try (Connection db = stack.openDatabase()) {
                FuzzProperties properties = FuzzSetup.properties(app.url(), db, seed, inputs);
                CallbackInputs callbacks = FuzzSetup.callbacks();
                List<Supplier<FuzzProperties.SurfaceFigures>> surfaces = List.of(properties::invalidOrders,
                        properties::badlySigned, properties::merchantGarbage,
                        () -> properties.callbacks("callbacks: json-hmac", callbacks.jsonHmac()),
                        () -> properties.callbacks("callbacks: form-md5", callbacks.formMd5()),
                        () -> properties.staff(new StaffInputs(stack.realmUrl(), FuzzSetup.MERCHANT)));
                for (Supplier<FuzzProperties.SurfaceFigures> surface : surfaces) {
                    System.out.println(surface.get());
                }
            }
            System.out.println("Every property held: no 5xx, every refusal with its code, nothing changed by a refused input.");
        }
    }
}
