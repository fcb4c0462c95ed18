package com.topup.fuzz;

import static org.quicktheories.QuickTheory.qt;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.quicktheories.core.Gen;

/**
 * The properties every surface must hold for every generated input, checked by QuickTheories (which shrinks a
 * failing input to a small one before it reports it): never a 5xx other than a deliberate 503, every refusal in the
 * contract's error shape, and a refused request changes nothing.
 */
final class FuzzProperties {

    /** What one surface saw: inputs sent, answers by status, time taken. */
    record SurfaceFigures(String surface, int inputs, Map<Integer, Integer> statuses, long millis) {

        @Override
        public String toString() {
            return String.format("%-28s %6d inputs  %7.0f inputs/s  statuses %s", surface, inputs,
                    inputs * 1000.0 / Math.max(1, millis), statuses);
        }
    }

    private final FuzzClient client;
    private final StateProbe probe;
    private final MerchantInputs merchant;
    private final long seed;
    private final int examples;

    FuzzProperties(FuzzClient client, StateProbe probe, MerchantInputs merchant, long seed, int examples) {
        this.client = client;
        this.probe = probe;
        this.merchant = merchant;
        this.seed = seed;
        this.examples = examples;
    }

    /** Orders that break the contract: each refused with a code, nothing charged, no order. */
    SurfaceFigures invalidOrders() {
        return run("merchant: invalid orders", merchant.invalidOrders(), request -> {
            StateProbe.MerchantState before = probe.merchant();
            FuzzAnswer answer = sendChecked(request);
            require(answer.refused(), "an order breaking the contract was accepted", request, answer);
            requireUnchanged(before, request, answer);
        });
    }

    /** Valid orders with broken authentication: each refused, nothing charged. */
    SurfaceFigures badlySigned() {
        return run("merchant: broken signing", merchant.badlySigned(), request -> {
            StateProbe.MerchantState before = probe.merchant();
            FuzzAnswer answer = sendChecked(request);
            require(answer.status() == 401 || answer.status() == 400, "broken authentication was not refused with 400/401",
                    request, answer);
            requireUnchanged(before, request, answer);
        });
    }

    /** Anything on any merchant path: never a server error; a refusal changes nothing. */
    SurfaceFigures merchantGarbage() {
        return run("merchant: any input", merchant.garbage(), request -> {
            StateProbe.MerchantState before = probe.merchant();
            FuzzAnswer answer = sendChecked(request);
            if (answer.refused()) {
                requireUnchanged(before, request, answer);
            }
        });
    }

    /** Supplier callbacks naming no order of ours: always refused; a wrong or missing signature is refused as such. */
    SurfaceFigures callbacks(String surface, Gen<FuzzRequest> inputs) {
        return run(surface, inputs, request -> {
            FuzzAnswer answer = sendChecked(request);
            require(answer.refused(), "a callback naming no order of ours was acknowledged", request, answer);
            if (request.what().endsWith("WRONG") || request.what().endsWith("NONE")) {
                require(answer.status() == 401 || answer.status() == 400, "a badly signed callback was not refused",
                        request, answer);
            }
        });
    }

    /** Staff writes with bodies of any shape: never a server error; a refused one leaves no audit entry. */
    SurfaceFigures staff(StaffInputs inputs) {
        return run("staff: request bodies", inputs.bodies(), request -> {
            long lastAudit = probe.lastAuditId();
            StateProbe.MerchantState before = probe.merchant();
            FuzzAnswer answer = sendChecked(request);
            if (answer.refused()) {
                require(probe.auditEntriesBy(StaffInputs.userOf(request), lastAudit) == 0,
                        "a refused staff write left an audit entry", request, answer);
                requireUnchanged(before, request, answer);
            }
        });
    }

    private SurfaceFigures run(String surface, Gen<FuzzRequest> inputs, Consumer<FuzzRequest> property) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        int[] sent = {0};
        long start = System.nanoTime();
        qt().withFixedSeed(seed).withExamples(examples).withShrinkCycles(50).forAll(inputs).checkAssert(request -> {
            property.accept(request);
            sent[0]++;
            statuses.merge(lastStatus, 1, Integer::sum);
        });
        return new SurfaceFigures(surface, sent[0], statuses, (System.nanoTime() - start) / 1_000_000);
    }

    private int lastStatus;

    private FuzzAnswer sendChecked(FuzzRequest request) {
        FuzzAnswer answer = client.send(request);
        lastStatus = answer.status();
        require(answer.status() < 500 || answer.status() == 503, "server error", request, answer);
        if (answer.refused() && answer.status() != 503) {
            require(answer.hasErrorCode(), "a refusal without the contract's error code", request, answer);
        }
        return answer;
    }

    private void requireUnchanged(StateProbe.MerchantState before, FuzzRequest request, FuzzAnswer answer) {
        StateProbe.MerchantState after = probe.merchant();
        require(before.equals(after), "a refused request changed the merchant: " + before + " → " + after, request, answer);
    }

    private static void require(boolean holds, String what, FuzzRequest request, FuzzAnswer answer) {
        if (!holds) {
            throw new AssertionError(what + ": " + answer.status() + " " + MerchantInputs.abbreviate(String.valueOf(answer.body()))
                    + " for " + request);
        }
    }
}
