package com.topup.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.topup.common.db.Sql;
import com.topup.devenv.KeycloakTokens;
import com.topup.notify.CallbackOrders;
import com.topup.rules.LiveRules;
import com.topup.support.MerchantApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A draft that passes the sandbox but overruns is stopped in a worker with 422 RULE_BUDGET_EXCEEDED naming the rule
 * and the budget, is never activated, and leaves the app ready and deciding; a backtest replays real orders through
 * a draft without side effects.
 */
@QuarkusTest
class RuleBudgetsAndBacktestTest {

    private static final String BASE = "/admin/api/rulesets/routing";

    @ConfigProperty(name = "topup.test.keycloak-url")
    String keycloakUrl;
    @Inject
    LiveRules live;
    @Inject
    Sql sql;

    private RequestSpecification as(String user) {
        return given().auth().oauth2(KeycloakTokens.accessToken(keycloakUrl + "/realms/topup", "topup-cli", user, user))
                .contentType("application/json");
    }

    private static String bomb() throws IOException {
        return Files.readString(Path.of("src/test/resources/sandbox/budget/cross-product-300-rules.drl"));
    }

    private static List<Map<String, Object>> channels(int n) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Map.of("code", "C" + i, "carriers", List.of("CHINA_MOBILE"), "successRate", 0.9 + i / 1000.0,
                    "latencyP95Millis", 100 + i * 10, "inFlight", i % 5));
        }
        return out;
    }

    @Test
    void aDraftPastItsBudgetIsStoppedNeverActivatedAndTheAppStaysHealthy() throws IOException {
        Map<String, Object> order = Map.of("carrier", "CHINA_MOBILE", "province", "广东", "faceValue", 10000);
        as("analyst").body(Map.of("drl", bomb(), "order", order, "channels", channels(40))).post(BASE + "/simulate")
                .then().statusCode(422)
                .body("code", equalTo("RULE_BUDGET_EXCEEDED"))
                .body("details.budget", isOneOf("cpu", "allocation"))
                .body("details.rule", notNullValue());
        given().get("/q/health/ready").then().statusCode(200);
        as("analyst").body(Map.of("order", order, "channels", channels(3))).post(BASE + "/simulate").then().statusCode(200)
                .body("decision.ranked.size()", equalTo(3));

        Integer active = live.liveVersion("routing");
        int version = as("analyst").body(Map.of("drl", bomb(), "comment", "too much work per decision"))
                .post(BASE + "/versions").then().statusCode(201).extract().path("version");
        as("analyst").post(BASE + "/versions/" + version + "/submit").then().statusCode(200);
        as("approver").post(BASE + "/versions/" + version + "/approve").then().statusCode(422)
                .body("code", equalTo("RULE_BUDGET_EXCEEDED"))
                .body("details.rule", notNullValue());
        as("approver").get(BASE + "/versions/" + version).then().body("status", equalTo("SUBMITTED"));
        assertEquals(active, live.liveVersion("routing"), "the version that overran is never activated");
        as("approver").post(BASE + "/versions/" + version + "/reject").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void backtestReplaysRecentOrdersThroughADraft() {
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // a number of its own each: the same number and amount again would be a duplicate submission for repair
            String body = "{\"merchantOrderId\":\"" + MerchantApi.uniqueOrderId("BT") + "\",\"phone\":\""
                    + MerchantApi.uniquePhone() + "\",\"faceValue\":10000}";
            placed.add(MerchantApi.demo().post("/api/v1/orders", body).then().statusCode(201).extract().path("orderId"));
        }
        CallbackOrders.eventually(Duration.ofSeconds(30), "a first attempt for each order", () -> firstAttempts(placed) == 3);
        String excludeAll = """
                package com.topup.rules.routing;
                import com.topup.rules.model.ChannelFact;
                import com.topup.rules.model.RouteDecision;
                global RouteDecision decision;
                rule "No channel at all"
                    when
                        $c : ChannelFact()
                    then
                        decision.exclude($c, "backtest");
                end
                """;
        as("analyst").body(Map.of("drl", excludeAll, "orders", 3)).post(BASE + "/backtest").then().statusCode(200)
                .body("orders", equalTo(3))
                .body("changed", equalTo(3))
                .body("channelShare.after.none", equalTo(1.0f))
                .body("expectedCost.after", equalTo(0))
                .body("expectedCost.before", greaterThan(0))
                .body("expectedSuccess.after", equalTo(0.0f));
        Integer active = live.liveVersion("routing");
        as("approver").body(Map.of("version", active, "orders", 3)).post(BASE + "/backtest").then().statusCode(200)
                .body("orders", equalTo(3))
                .body("version", equalTo(active));
        as("analyst").body(Map.of("orders", 3)).post(BASE + "/backtest").then().statusCode(400);
        as("analyst").body(Map.of("drl", excludeAll, "orders", 0)).post(BASE + "/backtest").then().statusCode(400);
        as("analyst").body(Map.of("drl", excludeAll)).post("/admin/api/rulesets/repair/backtest").then().statusCode(400);
        as("operator").body(Map.of("drl", excludeAll)).post(BASE + "/backtest").then().statusCode(403);
    }

    private long firstAttempts(List<String> orderIds) {
        return QuarkusTransaction.requiringNew().call(() -> sql.queryOne(
                "select count(*) from channel_attempt where attempt_no = 1 and order_id in (?, ?, ?)", row -> row.getLong(1),
                orderIds.get(0), orderIds.get(1), orderIds.get(2)).orElse(0L));
    }
}
