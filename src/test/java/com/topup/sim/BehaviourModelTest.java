package com.topup.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BehaviourModelTest {

    private static final int DRAWS = 20_000;

    private static SupplierBehaviour behaviour(double reject, double outOfStock, double lost, double duplicate,
                                               double late, double twice) {
        return new SupplierBehaviour(Map.of("CHINA_MOBILE", 0.9, "CHINA_UNICOM", 0.6), reject, outOfStock,
                new LatencyProfile(100, 400), new LatencyProfile(2_000, 10_000), OutageMode.TIMEOUT, List.of(),
                lost, duplicate, late, 60_000, twice, new LatencyProfile(30, 90), 0.2, new LatencyProfile(3_000, 6_000), 0.1);
    }

    @Test
    void theSameSeedGivesTheSameFatesWhateverTheArrivalOrder() {
        SupplierBehaviour b = behaviour(0.05, 0.05, 0.1, 0.1, 0.1, 0.05);
        SimRandomness first = new SimRandomness(42);
        SimRandomness second = new SimRandomness(42);
        List<OrderFate> forward = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            forward.add(OrderFate.draw(b, "sim", "CHINA_MOBILE", first.forOrder("sim", "R" + i)));
        }
        for (int i = 99; i >= 0; i--) {
            assertEquals(forward.get(i), OrderFate.draw(b, "sim", "CHINA_MOBILE", second.forOrder("sim", "R" + i)));
        }
        OrderFate other = OrderFate.draw(b, "sim", "CHINA_MOBILE", new SimRandomness(43).forOrder("sim", "R0"));
        assertNotEquals(forward.get(0).channelReference(), other.channelReference());
        assertNotEquals(first.forQuery("sim", "R0", 1).nextLong(), first.forQuery("sim", "R0", 2).nextLong());
    }

    @Test
    void ratesAreRoughlyHonouredOverManyDraws() {
        SupplierBehaviour b = behaviour(0.05, 0.1, 0.1, 0.2, 0.15, 0.05);
        SimRandomness randomness = new SimRandomness(7);
        int reject = 0, outOfStock = 0, accepted = 0, succeeded = 0, lost = 0, duplicated = 0, late = 0, twice = 0;
        for (int i = 0; i < DRAWS; i++) {
            OrderFate fate = OrderFate.draw(b, "sim", "CHINA_MOBILE", randomness.forOrder("sim", "R" + i));
            switch (fate.immediate()) {
                case REJECT -> reject++;
                case OUT_OF_STOCK -> outOfStock++;
                case ACCEPT -> accepted++;
                default -> throw new AssertionError(fate);
            }
            succeeded += fate.succeeds() ? 1 : 0;
            lost += fate.callbackLost() ? 1 : 0;
            duplicated += fate.callbackDuplicated() ? 1 : 0;
            late += fate.callbackLate() ? 1 : 0;
            twice += fate.chargedTwice() ? 1 : 0;
            assertFalse(fate.chargedTwice() && !fate.succeeds());
            assertFalse(fate.callbackLost() && (fate.callbackDuplicated() || fate.callbackLate()));
        }
        assertNear(0.05, reject, DRAWS);
        assertNear(0.10, outOfStock, DRAWS);
        assertNear(0.85, accepted, DRAWS);
        assertNear(0.90, succeeded, DRAWS);
        assertNear(0.10, lost, DRAWS);
        assertNear(0.9 * 0.2, duplicated, DRAWS);
        assertNear(0.9 * 0.15, late, DRAWS);
        assertNear(0.9 * 0.05, twice, DRAWS);
    }

    @Test
    void successRateIsPerCarrierAndUnservedCarriersAreRefused() {
        SupplierBehaviour b = behaviour(0, 0, 0, 0, 0, 0);
        SimRandomness randomness = new SimRandomness(11);
        int unicomSucceeded = 0;
        for (int i = 0; i < DRAWS; i++) {
            unicomSucceeded += OrderFate.draw(b, "sim", "CHINA_UNICOM", randomness.forOrder("sim", "U" + i)).succeeds() ? 1 : 0;
        }
        assertNear(0.6, unicomSucceeded, DRAWS);
        assertEquals(OrderFate.Immediate.CARRIER_NOT_SERVED,
                OrderFate.draw(b, "sim", "CHINA_BROADNET", randomness.forOrder("sim", "B")).immediate());
        assertEquals(OrderFate.Immediate.CARRIER_NOT_SERVED, OrderFate.draw(b, "sim", null, randomness.forOrder("sim", "N")).immediate());
    }

    @Test
    void latencyIsLogNormalWithTheGivenMedianAndP95() {
        LatencyProfile profile = new LatencyProfile(1_000, 5_000);
        SplittableRandom random = new SplittableRandom(3);
        long[] draws = new long[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            draws[i] = profile.draw(random);
        }
        Arrays.sort(draws);
        long median = draws[DRAWS / 2];
        long p95 = draws[(int) (DRAWS * 0.95)];
        assertTrue(median > 930 && median < 1_070, "median " + median);
        assertTrue(p95 > 4_500 && p95 < 5_500, "p95 " + p95);
        assertTrue(draws[DRAWS - 1] <= 25_000, "capped at 5 x p95");
        assertEquals(250, LatencyProfile.fixed(250).draw(random));
    }

    @Test
    void queriesFailAndSlowDownAtTheirRates() {
        SupplierBehaviour b = behaviour(0, 0, 0, 0, 0, 0);
        SimRandomness randomness = new SimRandomness(5);
        int failed = 0, slow = 0;
        for (int i = 0; i < DRAWS; i++) {
            QueryFate fate = QueryFate.draw(b, randomness.forQuery("sim", "R", i));
            failed += fate.fails() ? 1 : 0;
            slow += fate.slow() ? 1 : 0;
        }
        assertNear(0.1, failed, DRAWS);
        assertNear(0.2, slow, DRAWS);
    }

    @Test
    void outagesArePlannedFromWhenTheBehaviourTakesEffectAndCanBeStartedAndEnded() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        SupplierBehaviour planned = new SupplierBehaviour(Map.of("CHINA_MOBILE", 1.0), 0, 0, null, null, null,
                List.of(new OutageWindow(60, 30)), 0, 0, 0, 0, 0, null, 0, null, 0);
        SimSupplierState state = new SimSupplierState(new SimSupplierProfile("s", "S", "json-hmac", "secret-secret", planned), t0);
        assertFalse(state.inOutage(t0.plusSeconds(59)));
        assertTrue(state.inOutage(t0.plusSeconds(60)));
        assertEquals(t0.plusSeconds(90), state.outageUntil(t0.plusSeconds(70)));
        assertFalse(state.inOutage(t0.plusSeconds(90)));

        state.outageFor(Duration.ofSeconds(10), t0);
        assertTrue(state.inOutage(t0.plusSeconds(5)));
        state.outageFor(Duration.ZERO, t0.plusSeconds(5));
        assertFalse(state.inOutage(t0.plusSeconds(6)));
        assertTrue(state.inOutage(t0.plusSeconds(61)), "a planned outage still ahead stays planned");
    }

    @Test
    void aNewBehaviourReplacesThePlannedOutagesButKeepsOneStartedThroughTheApi() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        SupplierBehaviour planned = new SupplierBehaviour(Map.of("CHINA_MOBILE", 1.0), 0, 0, null, null, null,
                List.of(new OutageWindow(60, 30)), 0, 0, 0, 0, 0, null, 0, null, 0);
        SupplierBehaviour none = new SupplierBehaviour(Map.of("CHINA_MOBILE", 1.0), 0, 0, null, null, null,
                List.of(), 0, 0, 0, 0, 0, null, 0, null, 0);
        SimSupplierState state = new SimSupplierState(new SimSupplierProfile("s", "S", "json-hmac", "secret-secret", planned), t0);
        state.outageFor(Duration.ofSeconds(20), t0);

        state.replaceBehaviour(none, t0.plusSeconds(1));

        assertTrue(state.inOutage(t0.plusSeconds(10)), "the outage started through the API goes on");
        assertFalse(state.inOutage(t0.plusSeconds(65)), "the old behaviour's planned outage is gone");
        state.replaceBehaviour(planned, t0.plusSeconds(30));
        state.replaceBehaviour(planned, t0.plusSeconds(30));
        assertTrue(state.inOutage(t0.plusSeconds(95)));
        assertFalse(state.inOutage(t0.plusSeconds(125)), "replacing twice plans the outage once");
    }

    @Test
    void behavioursAreValidatedAndDefaultsFilled() {
        SupplierBehaviour minimal = SimProfiles.parseBehaviour("{\"successRate\":{\"CHINA_TELECOM\":0.9}}");
        assertEquals(OutageMode.TIMEOUT, minimal.outageMode());
        assertEquals(new LatencyProfile(50, 150), minimal.submitLatency());
        InvalidSimProfile invalid = assertThrows(InvalidSimProfile.class, () -> SimProfiles.parseBehaviour(
                "{\"successRate\":{\"MOON_TEL\":1.5},\"rejectRate\":0.7,\"outOfStockRate\":0.6,"
                        + "\"resultLatency\":{\"medianMs\":500,\"p95Ms\":100}}"));
        assertTrue(invalid.problems().contains("successRate: unknown carrier MOON_TEL"), invalid.problems().toString());
        assertTrue(invalid.problems().contains("successRate.MOON_TEL must be between 0 and 1"));
        assertTrue(invalid.problems().contains("rejectRate + outOfStockRate must not exceed 1"));
        assertTrue(invalid.problems().contains("resultLatency: p95Ms must be at least medianMs"));
        assertThrows(InvalidSimProfile.class, () -> SimProfiles.parseBehaviour("{\"successRate\":{\"CHINA_MOBILE\":1},\"typo\":1}"));
        assertThrows(InvalidSimProfile.class, () -> SimProfiles.parseBehaviour("[]"));
        assertThrows(InvalidSimProfile.class, () -> SimProfiles.parseBehaviour("{}"));
    }

    @Test
    void theDefaultProfileIsValidAndCoversEveryCarrierAndBothProtocols() {
        List<SimSupplierProfile> suppliers = SimProfiles.loadResource("sim/suppliers.json");
        assertTrue(suppliers.size() >= 4);
        assertTrue(suppliers.stream().anyMatch(s -> s.protocol().equals("json-hmac")));
        assertTrue(suppliers.stream().anyMatch(s -> s.protocol().equals("form-md5")));
        for (String carrier : List.of("CHINA_MOBILE", "CHINA_UNICOM", "CHINA_TELECOM", "CHINA_BROADNET")) {
            assertTrue(suppliers.stream().anyMatch(s -> s.behaviour().successRate().containsKey(carrier)), carrier);
        }
        InvalidSimProfile duplicate = assertThrows(InvalidSimProfile.class, () -> SimProfiles.parseSuppliers((
                "{\"suppliers\":[{\"code\":\"a\",\"protocol\":\"json-hmac\",\"secret\":\"12345678\",\"behaviour\":{\"successRate\":{\"CHINA_MOBILE\":1}}},"
                        + "{\"code\":\"a\",\"protocol\":\"soap\",\"secret\":\"x\",\"behaviour\":{\"successRate\":{\"CHINA_MOBILE\":1}}}]}").getBytes()));
        assertEquals(3, duplicate.problems().size(), duplicate.problems().toString());
        assertEquals("code a twice", duplicate.problems().get(0));
        assertTrue(duplicate.problems().get(1).startsWith("a: protocol must be one of"));
        assertEquals("a: secret of at least 8 characters", duplicate.problems().get(2));
    }

    private static SupplierBehaviour settlement(double successRate, double despite, double afterFailure, double omit,
                                                double amountError) {
        return new SupplierBehaviour(Map.of("CHINA_MOBILE", successRate), 0, 0, null, null, null, List.of(), 0, 0, 0, 0,
                0, null, 0, null, 0, 0, omit, amountError, despite, afterFailure, 500);
    }

    @Test
    void theNewFatesDoNotChangeTheOldOnes() {
        SimRandomness randomness = new SimRandomness(99);
        for (int i = 0; i < 200; i++) {
            OrderFate none = OrderFate.draw(settlement(0.5, 0, 0, 0, 0), "sim", "CHINA_MOBILE", randomness.forOrder("sim", "R" + i));
            OrderFate all = OrderFate.draw(settlement(0.5, 1, 1, 1, 1), "sim", "CHINA_MOBILE", randomness.forOrder("sim", "R" + i));
            assertEquals(none.succeeds(), all.succeeds());
            assertEquals(none.channelReference(), all.channelReference());
            assertEquals(none.resultDelayMs(), all.resultDelayMs());
            assertFalse(none.chargedDespiteFailure() || none.succeedsAfterFailure() || none.statementOmitted());
            assertEquals(0, none.statementAmountShift());
        }
    }

    @Test
    void ratesOfZeroAndOneForceTheSettlementFates() {
        SimRandomness randomness = new SimRandomness(13);
        for (int i = 0; i < 500; i++) {
            OrderFate failing = OrderFate.draw(settlement(0, 1, 0, 1, 1), "sim", "CHINA_MOBILE", randomness.forOrder("sim", "F" + i));
            assertFalse(failing.succeeds());
            assertTrue(failing.chargedDespiteFailure());
            assertFalse(failing.succeedsAfterFailure());
            assertTrue(failing.statementOmitted());
            long shift = Math.abs(failing.statementAmountShift());
            assertTrue(shift >= 100 && shift <= 1_000, "shift " + failing.statementAmountShift());

            OrderFate late = OrderFate.draw(settlement(0, 1, 1, 0, 0), "sim", "CHINA_MOBILE", randomness.forOrder("sim", "L" + i));
            assertTrue(late.succeedsAfterFailure());
            assertFalse(late.chargedDespiteFailure(), "a late success is charged when it comes, not at the failure");
            assertFalse(late.statementOmitted());
            assertEquals(0, late.statementAmountShift());

            OrderFate succeeding = OrderFate.draw(settlement(1, 1, 1, 0, 0), "sim", "CHINA_MOBILE", randomness.forOrder("sim", "S" + i));
            assertTrue(succeeding.succeeds());
            assertFalse(succeeding.chargedDespiteFailure() || succeeding.succeedsAfterFailure(), "only failures turn");
        }
    }

    @Test
    void settlementRatesAreRoughlyHonoured() {
        SupplierBehaviour b = settlement(0.5, 0.2, 0.1, 0.05, 0.15);
        SimRandomness randomness = new SimRandomness(21);
        int despite = 0, after = 0, omitted = 0, shifted = 0, up = 0;
        for (int i = 0; i < DRAWS; i++) {
            OrderFate fate = OrderFate.draw(b, "sim", "CHINA_MOBILE", randomness.forOrder("sim", "R" + i));
            despite += fate.chargedDespiteFailure() ? 1 : 0;
            after += fate.succeedsAfterFailure() ? 1 : 0;
            omitted += fate.statementOmitted() ? 1 : 0;
            shifted += fate.statementAmountShift() != 0 ? 1 : 0;
            up += fate.statementAmountShift() > 0 ? 1 : 0;
        }
        assertNear(0.5 * 0.1, after, DRAWS);
        assertNear(0.5 * 0.9 * 0.2, despite, DRAWS);
        assertNear(0.05, omitted, DRAWS);
        assertNear(0.15, shifted, DRAWS);
        assertNear(0.075, up, DRAWS);
    }

    @Test
    void settlementKnobsAreReadValidatedAndDefaultToNothing() {
        SupplierBehaviour parsed = SimProfiles.parseBehaviour("""
                {"successRate":{"CHINA_MOBILE":1},"reversalRefuseRate":0.25,"statementOmitRate":0.1,
                 "statementAmountErrorRate":0.2,"chargedDespiteFailureRate":0.3,"successAfterFailureRate":0.4,
                 "successAfterFailureDelayMs":1500}""");
        assertEquals(0.25, parsed.reversalRefuseRate());
        assertEquals(0.1, parsed.statementOmitRate());
        assertEquals(0.2, parsed.statementAmountErrorRate());
        assertEquals(0.3, parsed.chargedDespiteFailureRate());
        assertEquals(0.4, parsed.successAfterFailureRate());
        assertEquals(1500, parsed.successAfterFailureDelayMs());
        SupplierBehaviour minimal = SimProfiles.parseBehaviour("{\"successRate\":{\"CHINA_MOBILE\":1}}");
        assertEquals(0, minimal.reversalRefuseRate());
        assertEquals(0, minimal.statementOmitRate());
        assertEquals(0, minimal.statementAmountErrorRate());
        assertEquals(0, minimal.chargedDespiteFailureRate());
        assertEquals(0, minimal.successAfterFailureRate());
        assertEquals(0, minimal.successAfterFailureDelayMs());

        InvalidSimProfile invalid = assertThrows(InvalidSimProfile.class, () -> SimProfiles.parseBehaviour("""
                {"successRate":{"CHINA_MOBILE":1},"reversalRefuseRate":1.5,"statementOmitRate":-0.1,
                 "statementAmountErrorRate":2,"chargedDespiteFailureRate":-1,"successAfterFailureRate":1.01,
                 "successAfterFailureDelayMs":-5}"""));
        assertEquals(List.of("reversalRefuseRate must be between 0 and 1", "statementOmitRate must be between 0 and 1",
                "statementAmountErrorRate must be between 0 and 1", "chargedDespiteFailureRate must be between 0 and 1",
                "successAfterFailureRate must be between 0 and 1", "successAfterFailureDelayMs must be between 0 and one day"),
                invalid.problems());
        assertTrue(settlement(1, 0, 0, 0, 0).problems().isEmpty());
        assertThrows(InvalidSimProfile.class, () -> SimProfiles.parseBehaviour(
                "{\"successRate\":{\"CHINA_MOBILE\":1},\"statementPhantomRate\":0.1}"), "no such knob");
    }

    private static void assertNear(double expectedShare, int count, int total) {
        double share = (double) count / total;
        assertTrue(Math.abs(share - expectedShare) < 0.015, "expected about " + expectedShare + ", got " + share);
    }
}
