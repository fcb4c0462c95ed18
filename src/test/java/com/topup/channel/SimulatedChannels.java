package com.topup.channel;

import static io.restassured.RestAssured.given;

import com.topup.devenv.KeycloakTokens;
import com.topup.channel.health.ChannelHealthService;
import com.topup.channel.health.CircuitBreakers;
import com.topup.channel.health.ChannelPredictions;
import com.topup.common.db.Sql;
import io.quarkus.arc.Arc;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Puts the simulated suppliers into the state a test needs: which channels take traffic, and how each supplier
 * behaves (through the simulator's staff API, as an operator of a demo would).
 */
public final class SimulatedChannels {

    public static final List<String> ALL = List.of("sim-fast", "sim-cheap", "sim-flaky", "sim-broadnet");

    private SimulatedChannels() {
    }

    /** Enables exactly the given channels; every other simulated one is disabled. */
    public static void only(String... codes) {
        ChannelService channels = Arc.container().instance(ChannelService.class).get();
        Set<String> wanted = Set.of(codes);
        for (String code : ALL) {
            channels.save(code, new ChannelUpdate(null, null, null, null, null, null, null, null, null, null, null, null,
                    wanted.contains(code)), "test");
        }
    }

    /** Changes a channel's call timeout and the time after which an unanswered order is queried. */
    public static void timings(String code, int timeoutMs, int expectedCompletionMs) {
        Arc.container().instance(ChannelService.class).get().save(code, new ChannelUpdate(null, null, null, null, null, null,
                null, null, null, null, timeoutMs, expectedCompletionMs, null), "test");
    }

    /** Every simulated channel back on, and the simulator back to its profile. */
    public static void restore() {
        forgetHealthHistory();
        only(ALL.toArray(String[]::new));
        timings("sim-fast", 3_000, 10_000);
        given().auth().oauth2(admin()).contentType("application/json").body("{}")
                .post("/admin/api/sim/reset").then().statusCode(200);
    }

    /**
     * Moves every finished attempt out of the health window and the success model's lookback and closes every
     * circuit, so what one test did to a channel does not steer the next test's routing and fallback decisions.
     */
    public static void forgetHealthHistory() {
        Arc.container().instance(Sql.class).get().update("""
                update channel_attempt set started_at = started_at - interval '1 day',
                    finished_at = finished_at - interval '1 day' where finished_at is not null""");
        // a circuit another test opened, or left half-open with probes that will never answer, would hold orders back
        CircuitBreakers circuits = Arc.container().instance(CircuitBreakers.class).get();
        ALL.forEach(code -> circuits.closeManually(code, "test"));
        Arc.container().instance(ChannelHealthService.class).get().refreshNow();
        Arc.container().instance(ChannelPredictions.class).get().relearn();
    }

    /** A quick, reliable supplier for every carrier, optionally changed by {@code extra} JSON members. */
    public static String behaviour(String extra) {
        return behaviour(1.0, extra);
    }

    /** A quick supplier for every carrier whose accepted orders succeed with the given chance. */
    public static String behaviour(double successRate, String extra) {
        String submit = extra != null && extra.contains("\"submitLatency\"") ? "" : "\"submitLatency\": {\"medianMs\": 5, \"p95Ms\": 10},";
        return """
                {"successRate": {"CHINA_MOBILE": %1$s, "CHINA_UNICOM": %1$s, "CHINA_TELECOM": %1$s, "CHINA_BROADNET": %1$s},
                 %3$s
                 "resultLatency": {"medianMs": 50, "p95Ms": 100},
                 "queryLatency": {"medianMs": 5, "p95Ms": 10}%2$s}""".formatted(successRate,
                extra == null || extra.isBlank() ? "" : ", " + extra, submit);
    }

    public static void behave(String supplier, String behaviourJson) {
        given().auth().oauth2(admin()).contentType("application/json").body(behaviourJson)
                .put("/admin/api/sim/suppliers/" + supplier).then().statusCode(200);
    }

    public static void outage(String supplier, int seconds) {
        given().auth().oauth2(admin()).contentType("application/json").body("{\"seconds\":" + seconds + "}")
                .post("/admin/api/sim/suppliers/" + supplier + "/outage").then().statusCode(200);
    }

    static String admin() {
        return token("admin");
    }

    static String token(String user) {
        String keycloak = ConfigProvider.getConfig().getValue("topup.test.keycloak-url", String.class);
        return KeycloakTokens.accessToken(keycloak + "/realms/topup", "topup-cli", user, user);
    }
}
