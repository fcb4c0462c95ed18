package com.topup.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.devenv.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Every staff endpoint × every demo user, no token and a token of another realm: a caller with the role gets
 * past security (whatever the business answer), a staff member without it gets 403 FORBIDDEN, anyone without a
 * valid token of the realm gets 401.
 */
@QuarkusTest
class StaffRoleMatrixTest {

    private static final Set<String> ANY_STAFF = Set.of("analyst", "approver", "operator", "auditor", "admin");
    private static final List<String> USERS = List.of("analyst", "approver", "operator", "auditor", "admin", "nobody");
    private static final String REASON = "{\"reason\":\"role matrix\"}";
    private static final String SIMULATION = "{\"order\":{\"carrier\":\"CHINA_MOBILE\"},\"channels\":[]}";

    private record Endpoint(String method, String path, String body, Set<String> allowed) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/admin/api/me", null, ANY_STAFF),
            new Endpoint("GET", "/admin/api/rulesets", null, ANY_STAFF),
            new Endpoint("GET", "/admin/api/rulesets/routing/versions", null, ANY_STAFF),
            new Endpoint("GET", "/admin/api/rulesets/routing/versions/1", null, ANY_STAFF),
            new Endpoint("POST", "/admin/api/rulesets/routing/validate", "{\"drl\":\"rule\"}", Set.of("analyst")),
            new Endpoint("POST", "/admin/api/rulesets/routing/versions", "{\"drl\":\"rule\"}", Set.of("analyst")),
            new Endpoint("POST", "/admin/api/rulesets/routing/versions/9999/submit", null, Set.of("analyst")),
            new Endpoint("POST", "/admin/api/rulesets/routing/versions/9999/approve", null, Set.of("approver")),
            new Endpoint("POST", "/admin/api/rulesets/routing/versions/9999/reject", null, Set.of("approver")),
            new Endpoint("POST", "/admin/api/rulesets/routing/rollback", "{\"toVersion\":9999}", Set.of("approver")),
            new Endpoint("POST", "/admin/api/rulesets/routing/simulate", SIMULATION, Set.of("analyst", "approver")),
            new Endpoint("POST", "/admin/api/rulesets/repair/simulate", "{\"anomaly\":{\"kind\":\"DUPLICATE_SUCCESS\"}}",
                    Set.of("analyst", "approver")),
            new Endpoint("POST", "/admin/api/rulesets/routing/backtest", "{\"orders\":5}", Set.of("analyst", "approver")),
            new Endpoint("GET", "/admin/api/merchants", null, Set.of("operator", "auditor", "admin")),
            new Endpoint("POST", "/admin/api/merchants", "{}", Set.of("admin")),
            new Endpoint("POST", "/admin/api/merchants/demo-merchant/credits", "{\"amount\":0}", Set.of("admin")),
            new Endpoint("GET", "/admin/api/merchants/demo-merchant/reconciliation", null, Set.of("operator", "auditor", "admin")),
            new Endpoint("GET", "/admin/api/merchants/demo-merchant/limits", null, Set.of("operator", "auditor", "admin")),
            new Endpoint("PUT", "/admin/api/merchants/demo-merchant/limits", "{\"requestsPerSecond\":0}", Set.of("admin")),
            new Endpoint("POST", "/admin/api/merchants/demo-merchant/instructions", "{\"text\":\"hello\"}",
                    Set.of("operator")),
            new Endpoint("POST", "/admin/api/merchants/demo-merchant/instructions/no-such/confirm",
                    "{\"merchantOrderIdPrefix\":\"RM\"}", Set.of("operator")),
            new Endpoint("PUT", "/admin/api/carriers/portability/13800138000", "{\"carrier\":\"NOPE\"}", Set.of("admin")),
            new Endpoint("DELETE", "/admin/api/carriers/portability/13700000000", null, Set.of("admin")),
            new Endpoint("GET", "/admin/api/channels", null, Set.of("operator", "admin")),
            new Endpoint("GET", "/admin/api/channels/sim-fast", null, Set.of("operator", "admin")),
            new Endpoint("PUT", "/admin/api/channels/sim-fast", "{\"capacity\":0}", Set.of("admin")),
            new Endpoint("GET", "/admin/api/orders/T-NONE", null, Set.of("operator", "auditor")),
            new Endpoint("GET", "/admin/api/orders/T-NONE/notifications", null, Set.of("operator", "auditor")),
            new Endpoint("POST", "/admin/api/orders/T-NONE/actions/resend-notify", REASON, Set.of("operator")),
            new Endpoint("GET", "/admin/api/orders", null, Set.of("operator", "auditor")),
            new Endpoint("POST", "/admin/api/orders/T-NONE/actions/retry", REASON, Set.of("operator")),
            new Endpoint("POST", "/admin/api/orders/T-NONE/actions/refund", REASON, Set.of("operator")),
            new Endpoint("POST", "/admin/api/orders/T-NONE/actions/mark-succeeded", REASON, Set.of("operator")),
            new Endpoint("GET", "/admin/api/actions", null, Set.of("operator", "auditor")),
            new Endpoint("POST", "/admin/api/actions/A-NONE/confirm", null, Set.of("operator")),
            new Endpoint("POST", "/admin/api/actions/A-NONE/reject", REASON, Set.of("operator")),
            new Endpoint("GET", "/admin/api/anomalies", null, Set.of("operator", "auditor")),
            new Endpoint("GET", "/admin/api/anomalies/0", null, Set.of("operator", "auditor")),
            new Endpoint("POST", "/admin/api/anomalies/0/resolve", "{\"resolution\":\"DISMISS\",\"reason\":\"x\"}",
                    Set.of("operator")),
            new Endpoint("GET", "/admin/api/audit", null, Set.of("auditor", "admin")),
            new Endpoint("GET", "/admin/api/reconciliation", null, Set.of("operator", "auditor")),
            new Endpoint("POST", "/admin/api/reconciliation/runs", "{\"channel\":\"no-such\",\"date\":\"2026-01-01\"}",
                    Set.of("operator")),
            new Endpoint("GET", "/admin/api/audit/verify", null, Set.of("auditor", "admin")),
            new Endpoint("GET", "/admin/api/notifications", null, Set.of("operator", "auditor")),
            new Endpoint("GET", "/admin/api/sim/suppliers", null, Set.of("operator", "admin")),
            new Endpoint("GET", "/admin/api/sim/charges", null, Set.of("operator", "admin")),
            new Endpoint("PUT", "/admin/api/sim/suppliers/sim-none", "{}", Set.of("admin")),
            new Endpoint("POST", "/admin/api/sim/suppliers/sim-none/outage", "{\"seconds\":0}", Set.of("admin")),
            new Endpoint("GET", "/admin/api/dashboard", null, Set.of("operator", "auditor", "admin")),
            new Endpoint("GET", "/admin/api/channels/health", null, Set.of("operator", "auditor", "admin")),
            new Endpoint("GET", "/admin/api/channels/sim-fast/health", null, Set.of("operator", "auditor", "admin")),
            new Endpoint("GET", "/admin/api/channels/calibration", null, Set.of("operator", "auditor", "admin")),
            new Endpoint("GET", "/admin/api/rulesets/routing/facts?orderId=T-NONE", null, Set.of("analyst", "approver")));

    @ConfigProperty(name = "topup.test.keycloak-url")
    String keycloakUrl;

    @Test
    void everyEndpointLetsInExactlyItsRoles() {
        Map<String, String> tokens = new HashMap<>();
        for (String user : USERS) {
            tokens.put(user, KeycloakTokens.accessToken(keycloakUrl + "/realms/topup", "topup-cli", user, user));
        }
        String foreign = KeycloakTokens.accessToken(keycloakUrl + "/realms/elsewhere", "topup-cli", "admin", "admin");
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String user : USERS) {
                int status = call(endpoint, tokens.get(user));
                boolean allowed = endpoint.allowed().contains(user);
                if (allowed ? status == 401 || status == 403 : status != 403) {
                    wrong.add(endpoint.method() + " " + endpoint.path() + " as " + user + " -> " + status);
                }
            }
            int anonymous = call(endpoint, null);
            int foreignRealm = call(endpoint, foreign);
            if (anonymous != 401 || foreignRealm != 401) {
                wrong.add(endpoint.method() + " " + endpoint.path() + " without token -> " + anonymous
                        + ", with another realm's token -> " + foreignRealm);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void anExpiredTokenIsRefusedOnEveryEndpoint() throws InterruptedException {
        String token = KeycloakTokens.accessToken(keycloakUrl + "/realms/topup", "topup-cli-short-lived", "admin", "admin");
        Endpoint me = ENDPOINTS.get(0);
        assertEquals(200, call(me, token), "the token works while it is fresh");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (call(me, token) != 401) {
            assertTrue(System.nanoTime() < deadline, "a 2-second token must stop working");
            Thread.sleep(200);
        }
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            int status = call(endpoint, token);
            if (status != 401) {
                wrong.add(endpoint.method() + " " + endpoint.path() + " with an expired token -> " + status);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static int call(Endpoint endpoint, String token) {
        RequestSpecification request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (endpoint.body() != null) {
            request = request.contentType("application/json").body(endpoint.body());
        }
        return request.request(endpoint.method(), endpoint.path()).statusCode();
    }
}
