package com.topup.channel.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The success model's estimator (recency weighting, backing off to broader levels, its confidence), and how it
 * follows a change: judged against its own predictions, placed in a province or in the channel and carrier.
 */
class SuccessModelTest {

    private static final Instant T0 = Instant.parse("2026-11-26T06:00:00Z");
    private static final Duration HALF_LIFE = Duration.ofMinutes(10);

    private static final String[] PROVINCES = {"北京", "上海", "广东", "江苏", "浙江", "四川", "湖北"};

    /** The estimator alone, without the change test. */
    private final SuccessModel model = model(0);

    private static SuccessModel model(int changeRun) {
        return new SuccessModel(new SuccessModel.Settings(HALF_LIFE.toMillis(), 0.95, 1_000, 20, 50, 20, ZoneOffset.UTC,
                changeRun, 1e-4, 1e-3));
    }

    private void attempts(String channel, String carrier, String province, long faceValue, int count, double successShare,
                          Instant at, long latency) {
        int successes = (int) Math.round(count * successShare);
        for (int i = 0; i < count; i++) {
            model.learn(new SuccessModel.Observation(channel, carrier, province, faceValue, i < successes, at, latency));
        }
    }

    @Test
    void withoutAttemptsTheConfiguredPriorIsPredictedWithNoConfidence() {
        SuccessPrediction p = model.predict("NEW", "CHINA_MOBILE", "广东", 10_000, T0);
        assertEquals(0.95, p.success(), 1e-9);
        assertEquals(1_000, p.expectedLatencyMillis());
        assertEquals(0, p.sampleSize(), 1e-9);
        assertEquals(0, p.confidence(), 1e-9);
    }

    /** Orders of one kind (carrier, province, face-value band) meet the same predictions; other kinds may not. */
    @Test
    void ordersOfOneKindArePredictedAlike() {
        attempts("A", "CHINA_MOBILE", "广东", 5_000, 200, 0.5, T0, 300);
        attempts("A", "CHINA_MOBILE", "广东", 20_000, 200, 1.0, T0, 300);
        attempts("A", "CHINA_MOBILE", "北京", 5_000, 200, 1.0, T0, 300);
        assertEquals(SuccessModel.orderKind("CHINA_MOBILE", "广东", 5_000), SuccessModel.orderKind("CHINA_MOBILE", "广东", 10_000));
        assertEquals(model.predict("A", "CHINA_MOBILE", "广东", 5_000, T0), model.predict("A", "CHINA_MOBILE", "广东", 10_000, T0));
        assertEquals(SuccessModel.orderKind("CHINA_MOBILE", null, 100), SuccessModel.orderKind("CHINA_MOBILE", null, 3_000));

        double guangdong = model.predict("A", "CHINA_MOBILE", "广东", 5_000, T0).success();
        for (String[] other : new String[][] {{"CHINA_MOBILE", "广东", "20000"}, {"CHINA_MOBILE", "北京", "5000"},
                {"CHINA_UNICOM", "广东", "5000"}}) {
            long faceValue = Long.parseLong(other[2]);
            assertNotEquals(SuccessModel.orderKind("CHINA_MOBILE", "广东", 5_000), SuccessModel.orderKind(other[0], other[1],
                    faceValue), "another kind: " + String.join(" ", other));
            assertTrue(Math.abs(model.predict("A", other[0], other[1], faceValue, T0).success() - guangdong) > 0.05,
                    "and another prediction: " + String.join(" ", other));
        }
        assertNotEquals(SuccessModel.orderKind("CHINA_MOBILE", "广东", 5_000), SuccessModel.orderKind("CHINA_MOBILE", null, 5_000));
    }

    @Test
    void manyAttemptsOfACellOutweighThePrior() {
        attempts("A", "CHINA_MOBILE", "广东", 10_000, 2_000, 0.6, T0, 300);
        SuccessPrediction p = model.predict("A", "CHINA_MOBILE", "广东", 10_000, T0);
        assertEquals(0.6, p.success(), 0.01);
        assertEquals((300 * 2_000 + 1_000 * 50) / 2_050.0, p.expectedLatencyMillis(), 1);
        assertTrue(p.confidence() > 0.98, "2,000 attempts give a confident prediction: " + p);
    }

    @Test
    void aSparseCellBacksOffToItsChannelAndCarrier() {
        // each attempt counts once (the three failures are not counted again at the province level), and below
        // channel x carrier the broader estimate counts as 50 attempts: (0 + 50 x 0.979) / 53 ≈ 0.92
        // plenty of history for the channel and carrier elsewhere, three failures in the order's own cell
        attempts("A", "CHINA_MOBILE", "北京", 10_000, 1_000, 0.98, T0, 300);
        attempts("A", "CHINA_MOBILE", "广东", 50_000, 3, 0.0, T0, 300);
        SuccessPrediction sparse = model.predict("A", "CHINA_MOBILE", "广东", 50_000, T0);
        assertTrue(sparse.success() > 0.8, "three failures do not condemn the cell: " + sparse);
        assertTrue(sparse.success() < 0.98, "but they count: " + sparse);
        SuccessPrediction unseen = model.predict("A", "CHINA_MOBILE", "上海", 2_000, T0);
        assertEquals(0.98, unseen.success(), 0.01, "an unseen province predicts the channel and carrier's figure");
    }

    @Test
    void aNewChannelStartsFromWhatEveryChannelDoesAndHasNoConfidence() {
        attempts("A", "CHINA_MOBILE", "北京", 10_000, 1_000, 0.80, T0, 300);
        SuccessPrediction fresh = model.predict("NEW", "CHINA_MOBILE", "北京", 10_000, T0);
        assertEquals(0.80, fresh.success(), 0.01, "the all-channels level has learnt 80 %");
        assertEquals(0, fresh.confidence(), 1e-9, "none of it is the new channel's own evidence");
    }

    @Test
    void anotherCarrierOfTheChannelInformsButConfidenceStaysLow() {
        attempts("A", "CHINA_MOBILE", "北京", 10_000, 1_000, 0.99, T0, 300);
        SuccessPrediction p = model.predict("A", "CHINA_TELECOM", "北京", 10_000, T0);
        assertEquals(0.99, p.success(), 0.01, "the channel's other carrier informs the prediction");
        assertEquals(0, p.confidence(), 1e-9, "but it is no evidence for this carrier");
    }

    @Test
    void oldAttemptsFadeWithTheHalfLife() {
        attempts("A", "CHINA_UNICOM", "北京", 10_000, 400, 0.98, T0, 300);
        Instant later = T0.plus(HALF_LIFE.multipliedBy(3));
        attempts("A", "CHINA_UNICOM", "北京", 10_000, 400, 0.60, later, 300);
        SuccessPrediction p = model.predict("A", "CHINA_UNICOM", "北京", 10_000, later);
        // three half-lives: the old 400 weigh 50, the new 400 weigh 400, the prior (for a cell) 50
        assertEquals((0.98 * 50 + 0.6 * 400 + 0.95 * 50) / 500, p.success(), 0.005);
        assertEquals(450, model.predict("A", "CHINA_UNICOM", "北京", 10_000, later).sampleSize(), 15);
        SuccessPrediction aHalfLifeOn = model.predict("A", "CHINA_UNICOM", "北京", 10_000, later.plus(HALF_LIFE));
        // time alone leaves the shares; only the prior (worth a fixed 20 attempts) gains a little weight
        assertEquals((0.98 * 25 + 0.6 * 200 + 0.95 * 50) / 275, aHalfLifeOn.success(), 0.005);
        assertTrue(aHalfLifeOn.confidence() < p.confidence(), "and the confidence falls");
    }

    @Test
    void anAttemptLearntLateCountsWithItsOwnAge() {
        attempts("A", "CHINA_UNICOM", "北京", 10_000, 100, 1.0, T0, 300);
        model.learn(new SuccessModel.Observation("A", "CHINA_UNICOM", "北京", 10_000, false, T0.minus(HALF_LIFE), 300));
        SuccessPrediction p = model.predict("A", "CHINA_UNICOM", "北京", 10_000, T0);
        assertEquals(100.5, p.sampleSize(), 1.0, "the late failure weighs a half");
    }

    @Test
    void hoursOfTheDayAreCellsOfTheirOwn() {
        Instant before4 = Instant.parse("2026-11-26T03:59:00Z");
        Instant at4 = Instant.parse("2026-11-26T04:00:00Z");
        attempts("A", "CHINA_MOBILE", "北京", 10_000, 1_000, 0.99, before4, 300);
        attempts("A", "CHINA_MOBILE", "北京", 10_000, 1_000, 0.70, at4, 300);
        assertEquals(0.99, model.predict("A", "CHINA_MOBILE", "北京", 10_000, before4.plusSeconds(30)).success(), 0.02);
        assertEquals(0.70, model.predict("A", "CHINA_MOBILE", "北京", 10_000, at4).success(), 0.02);
        assertTrue(model.predict("A", "CHINA_MOBILE", "北京", 10_000, at4.plusSeconds(3_600)).success() > 0.75,
                "an hour without attempts of its own does not carry the 04:00 figure");
    }

    @Test
    void faceValueBandsAreCellsOfTheirOwn() {
        attempts("A", "CHINA_MOBILE", "北京", 2_000, 2_000, 0.99, T0, 300);
        attempts("A", "CHINA_MOBILE", "北京", 50_000, 2_000, 0.50, T0, 300);
        assertEquals(0.99, model.predict("A", "CHINA_MOBILE", "北京", 3_000, T0).success(), 0.03);
        assertEquals(0.50, model.predict("A", "CHINA_MOBILE", "北京", 30_001, T0).success(), 0.03);
    }

    /** What a stream of attempts made the model find. */
    private static List<SuccessModel.Change> learn(List<SuccessModel> models, List<SuccessModel.Observation> attempts) {
        List<SuccessModel.Change> changes = new ArrayList<>();
        for (SuccessModel.Observation o : attempts) {
            for (SuccessModel m : models) {
                SuccessModel.Change change = m.learn(o).change();
                if (change != null && m == models.get(0)) {
                    changes.add(change);
                }
            }
        }
        return changes;
    }

    /**
     * One attempt a second of channel A for China Telecom from {@code from}, the provinces taking turns; attempt
     * {@code i} fails when {@code fails} says so.
     */
    private static List<SuccessModel.Observation> telecom(Instant from, int count, java.util.function.IntPredicate fails) {
        List<SuccessModel.Observation> attempts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            attempts.add(new SuccessModel.Observation("A", "CHINA_TELECOM", PROVINCES[i % PROVINCES.length], 10_000,
                    !fails.test(i), from.plusSeconds(i), 300));
        }
        return attempts;
    }

    @Test
    void aSpreadDropStartsTheChannelAndCarrierRecordAgainWithinAFewAttempts() {
        SuccessModel detecting = model(20);
        SuccessModel fading = model(0);
        // 98 %: one in fifty fails, over every province; no change is seen in 700 attempts
        assertEquals(List.of(), learn(List.of(detecting, fading), telecom(T0, 700, i -> i % 50 == 49)),
                "a steady 98 % is no change");
        assertTrue(detecting.predict("A", "CHINA_TELECOM", "北京", 10_000, T0.plusSeconds(700)).sampleSize() > 400);
        // then 60 %: two of every five fail, in every province
        Instant drop = T0.plusSeconds(700);
        List<SuccessModel.Change> changes = new ArrayList<>();
        int seen = -1;
        List<SuccessModel.Observation> dropping = telecom(drop, 40, i -> i % 5 == 1 || i % 5 == 3);
        for (int i = 0; i < dropping.size(); i++) {
            List<SuccessModel.Change> found = learn(List.of(detecting, fading), dropping.subList(i, i + 1));
            if (seen < 0 && found.stream().anyMatch(c -> c.province() == null)) {
                seen = i + 1;
            }
            changes.addAll(found);
        }
        assertTrue(seen > 0 && seen <= 12, "the drop is seen within 12 attempts: " + seen + " " + changes);
        SuccessModel.Change change = changes.stream().filter(c -> c.province() == null).findFirst().orElseThrow();
        assertEquals("A", change.channel());
        assertEquals("CHINA_TELECOM", change.carrier());
        assertTrue(change.chance() < 1e-4 && change.failures() > change.expectedFailures() + 2, change.toString());
        Instant now = drop.plusSeconds(40);
        SuccessPrediction followed = detecting.predict("A", "CHINA_TELECOM", "北京", 10_000, now);
        double faded = fading.predict("A", "CHINA_TELECOM", "北京", 10_000, now).success();
        assertTrue(followed.success() < 0.8, "40 attempts into the drop the channel is no longer preferred: " + followed);
        assertTrue(followed.sampleSize() < 60, "its record for the carrier started again: " + followed);
        assertTrue(faded > 0.93, "the half-life alone still trusts the old record: " + faded);
        assertTrue(detecting.predict("A", "CHINA_MOBILE", "北京", 10_000, now).success() > 0.9,
                "the channel's other carriers keep theirs");
    }

    @Test
    void aProvinceOutageIsTheProvincesAndDoesNotWipeItsCell() {
        SuccessModel detecting = model(20);
        SuccessModel fading = model(0);
        // 99 % everywhere, then 广东 fails every order while the other provinces go on at 99 %; 广东 sends every
        // other attempt, so a run of ten holds five of its failures
        assertEquals(List.of(), learn(List.of(detecting, fading), telecom(T0, 700, i -> i % 100 == 99)));
        Instant outage = T0.plusSeconds(700);
        List<SuccessModel.Observation> attempts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String province = i % 2 == 0 ? "广东" : PROVINCES[(i / 2) % PROVINCES.length];
            boolean fails = "广东".equals(province) || i % 100 == 99;
            attempts.add(new SuccessModel.Observation("A", "CHINA_TELECOM", province, 10_000, !fails,
                    outage.plusSeconds(i), 300));
        }
        List<SuccessModel.Change> changes = learn(List.of(detecting, fading), attempts.subList(0, 200));
        assertTrue(!changes.isEmpty(), "the outage is a surprise at first");
        assertTrue(changes.stream().allMatch(c -> "广东".equals(c.province())), "and it is 广东's: " + changes);
        Instant now = outage.plusSeconds(200);
        SuccessPrediction guangdong = detecting.predict("A", "CHINA_TELECOM", "广东", 10_000, now);
        assertEquals(fading.predict("A", "CHINA_TELECOM", "广东", 10_000, now), guangdong,
                "nothing was forgotten: 广东 predicts what the estimator alone predicts");
        assertTrue(guangdong.success() < 0.5, "广东's cell has learnt the outage: " + guangdong);
        SuccessPrediction beijing = detecting.predict("A", "CHINA_TELECOM", "北京", 10_000, now);
        assertEquals(fading.predict("A", "CHINA_TELECOM", "北京", 10_000, now), beijing,
                "北京 keeps the channel and carrier's record");
        assertTrue(beijing.sampleSize() > 400, "which was not started again: " + beijing);
        // failures the province's cell predicts are no surprise
        assertEquals(List.of(), learn(List.of(detecting, fading), attempts.subList(200, 300)), "nothing more to find");
    }
}
