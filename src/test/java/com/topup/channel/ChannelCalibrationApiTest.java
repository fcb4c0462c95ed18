package com.topup.channel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.common.db.Sql;
import com.topup.notify.CallbackOrders;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Predicted against observed success on the channel pages: orders dispatched through the simulator, then the
 * calibration endpoint's figures checked against the predictions and outcomes of those orders' attempts.
 */
@QuarkusTest
class ChannelCalibrationApiTest {

    private static final double EPSILON = 1e-9;

    /** A finished attempt as the staff order endpoint shows it. */
    private record Finished(String channel, String carrier, double predicted, boolean succeeded, Instant finishedAt) {
    }

    /** How long the attempts earlier tests left open get to finish before this test's window starts. */
    private static final Duration EARLIER_ATTEMPTS_GRACE = Duration.ofSeconds(30);

    @BeforeEach
    void cleanHealthWindow() throws InterruptedException {
        // an attempt an earlier test left open would otherwise finish inside this test's report window
        Sql sql = Arc.container().instance(Sql.class).get();
        long deadline = System.nanoTime() + EARLIER_ATTEMPTS_GRACE.toNanos();
        while (sql.queryLong("select count(*) from channel_attempt where status in ('SUBMITTING', 'PROCESSING')") > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        SimulatedChannels.forgetHealthHistory();
    }

    @AfterEach
    void restore() {
        SimulatedChannels.restore();
    }

    private static JsonPath staffOrder(String orderId) {
        return doubles(given().auth().oauth2(SimulatedChannels.token("operator")).get("/admin/api/orders/" + orderId)
                .then().statusCode(200).extract().asString());
    }

    private static JsonPath calibration(String user, String query) {
        return doubles(given().auth().oauth2(SimulatedChannels.token(user)).get("/admin/api/channels/calibration" + query)
                .then().statusCode(200).extract().asString());
    }

    /** Decimals as doubles (JsonPath reads them as floats by default, too coarse to compare means). */
    private static JsonPath doubles(String json) {
        return new JsonPath(json).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @Test
    void theFiguresAreThoseOfTheAttemptsPredictionsAndOutcomes() {
        SimulatedChannels.only("sim-fast", "sim-cheap");
        SimulatedChannels.behave("sim-fast", SimulatedChannels.behaviour(null));
        SimulatedChannels.behave("sim-cheap", SimulatedChannels.behaviour(0.5, null));
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            orders.add(CallbackOrders.place(null));
        }
        List<Finished> attempts = new ArrayList<>();
        for (String orderId : orders) {
            CallbackOrders.eventually(Duration.ofSeconds(60), "order " + orderId + " final", () -> {
                String status = staffOrder(orderId).getString("order.status");
                return "SUCCEEDED".equals(status) || "FAILED".equals(status) || "REVIEW".equals(status);
            });
            JsonPath order = staffOrder(orderId);
            List<Map<String, Object>> list = order.getList("attempts");
            for (Map<String, Object> a : list) {
                assertNotNull(a.get("predictedSuccess"), "every attempt records its prediction: " + a);
                if (a.get("finishedAt") != null) {
                    attempts.add(new Finished((String) a.get("channel"), order.getString("order.carrier"),
                            ((Number) a.get("predictedSuccess")).doubleValue(), "SUCCEEDED".equals(a.get("status")),
                            Instant.parse((String) a.get("finishedAt"))));
                }
            }
        }
        Map<String, List<Finished>> byChannel = new TreeMap<>();
        attempts.forEach(a -> byChannel.computeIfAbsent(a.channel(), c -> new ArrayList<>()).add(a));

        JsonPath report = calibration("auditor", "?hours=1");
        Instant from = Instant.parse(report.getString("from"));
        Instant to = Instant.parse(report.getString("to"));
        assertEquals(Duration.ofHours(1), Duration.between(from, to));
        assertEquals(5, report.getInt("windowMinutes"), "an hour in twelve windows");
        List<String> channels = report.getList("channels.channel");
        assertEquals(List.copyOf(byChannel.keySet()), channels, "exactly the channels the orders went to");

        for (Map.Entry<String, List<Finished>> entry : byChannel.entrySet()) {
            String channel = entry.getKey();
            List<Finished> mine = entry.getValue();
            String at = "channels.find { it.channel == '" + channel + "' }";
            assertFigures(mine, report.getMap(at + ".overall"), channel + " overall");

            List<Map<String, Object>> bands = report.getList(at + ".bands");
            assertFalse(bands.isEmpty());
            long inBands = 0;
            for (Map<String, Object> band : bands) {
                double lower = ((Number) band.get("from")).doubleValue();
                double upper = ((Number) band.get("to")).doubleValue();
                List<Finished> inside = mine.stream().filter(a -> a.predicted() >= lower
                        && (a.predicted() < upper || upper == 1.0)).toList();
                assertFigures(inside, band, channel + " band " + lower + "-" + upper);
                inBands += inside.size();
            }
            assertEquals(mine.size(), inBands, "every attempt in one band");

            List<Map<String, Object>> windows = report.getList(at + ".windows");
            long inWindows = 0;
            for (Map<String, Object> window : windows) {
                Instant start = Instant.parse((String) window.get("from"));
                Instant end = Instant.parse((String) window.get("to"));
                assertEquals(Duration.ofMinutes(5), Duration.between(start, end));
                List<Finished> inside = mine.stream().filter(a -> !a.finishedAt().isBefore(start)
                        && a.finishedAt().isBefore(end)).toList();
                assertFigures(inside, window, channel + " window from " + start);
                inWindows += inside.size();
            }
            assertEquals(mine.size(), inWindows, "every attempt in one window");

            List<Map<String, Object>> carriers = report.getList(at + ".carriers");
            for (Map<String, Object> carrier : carriers) {
                assertFigures(mine.stream().filter(a -> a.carrier().equals(carrier.get("carrier"))).toList(), carrier,
                        channel + " carrier " + carrier.get("carrier"));
            }
            assertEquals(mine.stream().map(Finished::carrier).distinct().count(), carriers.size());
        }

        JsonPath fast = calibration("operator", "?hours=1&channel=sim-fast");
        assertEquals(List.of("sim-fast"), fast.getList("channels.channel"), "one channel when asked for one");
        assertFigures(byChannel.get("sim-fast"), fast.getMap("channels[0].overall"), "sim-fast alone");
        JsonPath quiet = calibration("admin", "?hours=1&channel=sim-flaky");
        assertEquals(List.of(), quiet.getList("channels"), "a channel without predicted attempts has no figures");
    }

    /** Attempts older than the period are left out. */
    @Test
    void attemptsBeforeThePeriodAreLeftOut() {
        SimulatedChannels.only("sim-fast");
        SimulatedChannels.behave("sim-fast", SimulatedChannels.behaviour(null));
        String orderId = CallbackOrders.place(null);
        CallbackOrders.eventually(Duration.ofSeconds(30), "order final",
                () -> "SUCCEEDED".equals(staffOrder(orderId).getString("order.status")));
        assertEquals(1, calibration("operator", "?hours=1&channel=sim-fast").getLong("channels[0].overall.attempts"));

        SimulatedChannels.forgetHealthHistory(); // a day back
        assertEquals(List.of(), calibration("operator", "?hours=1&channel=sim-fast").getList("channels"));
        JsonPath day = calibration("operator", "?hours=25&channel=sim-fast");
        assertTrue(day.getLong("channels[0].overall.attempts") >= 1, "within 25 hours again");
        assertEquals(125, day.getInt("windowMinutes"));
    }

    @Test
    void badQueriesAreRefusedInTheContractsShape() {
        String operator = SimulatedChannels.token("operator");
        for (String hours : List.of("0", "169", "-1", "lots", "1.5")) {
            given().auth().oauth2(operator).get("/admin/api/channels/calibration?hours=" + hours)
                    .then().statusCode(400).body("code", equalTo("INVALID_REQUEST")).body("details.field", equalTo("hours"));
        }
        given().auth().oauth2(operator).get("/admin/api/channels/calibration?channel=no-such")
                .then().statusCode(404).body("code", equalTo("CHANNEL_NOT_FOUND"));
    }

    private static void assertFigures(List<Finished> expected, Map<String, Object> figures, String what) {
        assertEquals(expected.size(), ((Number) figures.get("attempts")).longValue(), what + " attempts");
        if (expected.isEmpty()) {
            assertNull(figures.get("predicted"), what);
            return;
        }
        double predicted = expected.stream().mapToDouble(Finished::predicted).average().orElseThrow();
        double observed = expected.stream().filter(Finished::succeeded).count() / (double) expected.size();
        assertEquals(predicted, ((Number) figures.get("predicted")).doubleValue(), EPSILON, what + " predicted");
        assertEquals(observed, ((Number) figures.get("observed")).doubleValue(), EPSILON, what + " observed");
    }
}
