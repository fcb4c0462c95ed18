package com.topup.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.channel.SimulatedChannels;
import com.topup.channel.health.ChannelPredictions;
import com.topup.common.db.Sql;
import com.topup.devenv.KeycloakTokens;
import com.topup.notify.CallbackOrders;
import com.topup.support.MerchantApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A backtest predicts with each order's province and face value: after the success model has seen a channel's
 * orders fail in one province and succeed in another, two orders of one carrier, one from each province, get the
 * channel's prediction for their own province in the backtest's expected success.
 */
@QuarkusTest
class BacktestPredictionsTest {

    private static final String BASE = "/admin/api/rulesets/routing";
    private static final String CARRIER = "CHINA_MOBILE";
    private static final long FACE_VALUE = 10_000;
    /** Attempts recorded per province for the model to learn from. */
    private static final int TAUGHT = 150;
    private static final String TAUGHT_PREFIX = "taught-";

    /** Proposes every channel: the backtest's choice is the recorded one, so before and after are the same figures. */
    private static final String EVERY_CHANNEL = """
            package com.topup.rules.routing;
            import com.topup.rules.model.ChannelFact;
            import com.topup.rules.model.RouteDecision;
            global RouteDecision decision;
            rule "Every channel"
                when
                    $c : ChannelFact()
                then
                    decision.propose($c, 1.0, "every");
            end
            """;

    @ConfigProperty(name = "topup.test.keycloak-url")
    String keycloakUrl;
    @Inject
    Sql sql;
    @Inject
    ChannelPredictions predictions;

    @AfterEach
    void forgetTheTaughtAttempts() {
        QuarkusTransaction.requiringNew().run(() -> sql.update("delete from channel_attempt where id like ?", TAUGHT_PREFIX + "%"));
        SimulatedChannels.restore();
    }

    @Test
    void twoOrdersOfOneCarrierInDifferentProvincesGetTheirOwnPredictedSuccess() {
        SimulatedChannels.forgetHealthHistory();
        SimulatedChannels.only("sim-fast");
        SimulatedChannels.behave("sim-fast", SimulatedChannels.behaviour(null));
        // libphonenumber places 138 0013 in Beijing and 139 1234 in Jiangsu, both China Mobile. Jiangsu's order goes in
        // once Beijing's is final, so it is planned later: two orders planned in one transaction start at one instant,
        // and then which is the newest is a tie.
        String beijing = place("1380013");
        CallbackOrders.eventually(Duration.ofSeconds(30), "Beijing's order succeeded on sim-fast",
                () -> "SUCCEEDED".equals(status(beijing)));
        String jiangsu = place("1391234");
        CallbackOrders.eventually(Duration.ofSeconds(30), "Jiangsu's order succeeded on sim-fast",
                () -> "SUCCEEDED".equals(status(jiangsu)));
        assertEquals("北京", province(beijing));
        assertEquals("江苏", province(jiangsu));

        // sim-fast has had no stock for Beijing's orders of this kind, and served every one from Jiangsu
        teach(beijing, "FAILED", "OUT_OF_STOCK");
        teach(jiangsu, "SUCCEEDED", null);
        predictions.relearn();
        double inBeijing = predictions.predict("sim-fast", CARRIER, "北京", FACE_VALUE).success();
        double inJiangsu = predictions.predict("sim-fast", CARRIER, "江苏", FACE_VALUE).success();
        assertTrue(inJiangsu - inBeijing > 0.3, "the model tells the provinces apart: " + inBeijing + " / " + inJiangsu);

        // the newest first attempt is Jiangsu's; the two newest are both orders
        JsonPath newest = backtest(1);
        assertEquals(inJiangsu, newest.getDouble("expectedSuccess.before"), 1e-3, "Jiangsu's order, Jiangsu's prediction");
        assertEquals(inJiangsu, newest.getDouble("expectedSuccess.after"), 1e-3);
        JsonPath both = backtest(2);
        assertEquals(0, both.getInt("changed"));
        assertEquals((inBeijing + inJiangsu) / 2, both.getDouble("expectedSuccess.before"), 1e-3,
                "each order with its own province's prediction");
        assertEquals((inBeijing + inJiangsu) / 2, both.getDouble("expectedSuccess.after"), 1e-3);
        double beijingsOrder = 2 * both.getDouble("expectedSuccess.before") - newest.getDouble("expectedSuccess.before");
        assertEquals(inBeijing, beijingsOrder, 2e-3, "Beijing's order, Beijing's prediction");
    }

    private JsonPath backtest(int orders) {
        String json = given().auth().oauth2(KeycloakTokens.accessToken(keycloakUrl + "/realms/topup", "topup-cli", "analyst", "analyst"))
                .contentType("application/json").body(Map.of("drl", EVERY_CHANNEL, "orders", orders))
                .post(BASE + "/backtest").then().statusCode(200).extract().asString();
        return new JsonPath(json).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static String place(String prefix) {
        String phone = prefix + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        String body = MerchantApi.orderJson(MerchantApi.uniqueOrderId("BP"), phone, FACE_VALUE);
        return MerchantApi.demo().post("/api/v1/orders", body).then().statusCode(201).extract().path("orderId");
    }

    /** Records {@link #TAUGHT} finished attempts of sim-fast for this order's carrier, province and face value. */
    private void teach(String orderId, String status, String errorClass) {
        QuarkusTransaction.requiringNew().run(() -> sql.update("""
                insert into channel_attempt (id, order_id, attempt_no, channel_code, carrier, face_value, status, error_class,
                                             cost, started_at, finished_at, latency_ms)
                select ? || g, ?, 1000 + g, 'sim-fast', ?, ?, ?, ?, 0, now() - interval '2 seconds', now() - interval '1 second', 300
                from generate_series(1, ?) g""",
                TAUGHT_PREFIX + orderId + "-", orderId, CARRIER, FACE_VALUE, status, errorClass, TAUGHT));
    }

    private String status(String orderId) {
        return column(orderId, "status");
    }

    private String province(String orderId) {
        return column(orderId, "province");
    }

    private String column(String orderId, String column) {
        return QuarkusTransaction.requiringNew().call(() -> sql.queryOne("select " + column + " from topup_order where id = ?",
                row -> row.getString(1), orderId).orElse(null));
    }
}
