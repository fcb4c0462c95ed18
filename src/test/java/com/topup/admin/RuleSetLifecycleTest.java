package com.topup.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.devenv.KeycloakTokens;
import com.topup.rules.LiveRules;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Draft, submit, four-eyes approval, stale bases, rejection and rollback through the staff API. */
@QuarkusTest
class RuleSetLifecycleTest {

    private static final String BASE = "/admin/api/rulesets/routing";

    @ConfigProperty(name = "topup.test.keycloak-url")
    String keycloakUrl;
    @Inject
    LiveRules live;
    @Inject
    EntityManager em;

    private RequestSpecification as(String user) {
        return given().auth().oauth2(KeycloakTokens.accessToken(keycloakUrl + "/realms/topup", "topup-cli", user, user))
                .contentType("application/json");
    }

    private static String seedRouting() throws IOException {
        try (InputStream in = RuleSetLifecycleTest.class.getResourceAsStream("/rules/routing.drl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String withExtraRule(String drl, String ruleName) {
        return drl + "\nrule \"" + ruleName + "\"\n    when\n        $c : ChannelFact( costRate > 0.999 )\n    then\n"
                + "        decision.exclude($c, \"too expensive\");\nend\n";
    }

    private int draft(String user, String drl, Integer baseVersion) {
        return as(user).body(Map.of("drl", drl, "comment", "test", "baseVersion", baseVersion == null ? "" : baseVersion)
                        .entrySet().stream().filter(e -> !"".equals(e.getValue()))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                .post(BASE + "/versions").then().statusCode(201).body("status", equalTo("DRAFT"))
                .extract().path("version");
    }

    private int activeVersion() {
        return as("auditor").get("/admin/api/rulesets").then().statusCode(200)
                .extract().path("find { it.name == 'routing' }.activeVersion");
    }

    @Test
    void seededVersionIsActiveAndListed() {
        as("auditor").get("/admin/api/rulesets").then().statusCode(200)
                .body("name", hasItem("routing"))
                .body("find { it.name == 'routing' }.activeVersion", notNullValue());
        // the earlier seed is kept as v1 (RETIRED, one rollback away), the decision-table seed is live as v2
        as("operator").get(BASE + "/versions/1").then().statusCode(200).body("status", equalTo("RETIRED"))
                .body("author", equalTo("system")).body("drl", containsString("Weighted random pick"));
        as("operator").get(BASE + "/versions/2").then().statusCode(200).body("author", equalTo("system"))
                .body("drl", containsString("Prefer channels predicted to succeed at least 85 %"));
        as("operator").get("/admin/api/rulesets/repair/versions/1").then().statusCode(200).body("author", equalTo("system"));
        given().get("/q/health/ready").then().statusCode(200).body("checks.find { it.name == 'rules' }.status", equalTo("UP"));
    }

    @Test
    void validationReportsLineAndColumnAndStoresNothing() {
        String escape = "package com.topup.rules.routing;\nimport com.topup.rules.model.ChannelFact;\n"
                + "rule \"escape\"\n    when\n        $c : ChannelFact()\n    then\n        System.exit(1);\nend\n";
        as("analyst").body(Map.of("drl", escape)).post(BASE + "/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors[0].line", equalTo(7))
                .body("errors[0].column", equalTo(9));
        as("analyst").body(Map.of("drl", escape, "comment", "nope")).post(BASE + "/versions").then().statusCode(422)
                .body("code", equalTo("INVALID_DRL"))
                .body("details.errors[0].line", equalTo(7));
        as("approver").body(Map.of("drl", escape)).post(BASE + "/validate").then().statusCode(403);
    }

    @Test
    void fourEyesLifecycleStaleBaseRejectionAndRollback() throws IOException {
        String seed = seedRouting();
        int base = activeVersion();

        int v = draft("analyst", withExtraRule(seed, "Exclude near-full-price channels"), base);
        as("author2").post(BASE + "/versions/" + v + "/submit").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        as("analyst").post(BASE + "/versions/" + v + "/approve").then().statusCode(403);
        as("analyst").post(BASE + "/versions/" + v + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        as("approver").post(BASE + "/versions/" + v + "/approve").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("approvedBy", equalTo("approver"));
        assertEquals(v, live.liveVersion("routing"), "this instance decides with the approved version at once");
        as("auditor").get(BASE + "/versions/" + base).then().body("status", equalTo("RETIRED"));

        // a draft written on the old base cannot be submitted once another version went live
        int stale = draft("author2", withExtraRule(seed, "Written on an old base"), base);
        as("author2").post(BASE + "/versions/" + stale + "/submit").then().statusCode(409).body("code", equalTo("STALE_BASE"));

        // four eyes: an author who is also an approver cannot approve their own version
        int own = draft("lead", withExtraRule(seed, "Lead's own rule"), v);
        as("lead").post(BASE + "/versions/" + own + "/submit").then().statusCode(200);
        as("lead").post(BASE + "/versions/" + own + "/approve").then().statusCode(409).body("code", equalTo("SELF_APPROVAL"));
        as("approver").post(BASE + "/versions/" + own + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"));
        as("approver").post(BASE + "/versions/" + own + "/approve").then().statusCode(409).body("code", equalTo("INVALID_STATE"));

        as("approver").body(Map.of("toVersion", base)).post(BASE + "/rollback").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        assertEquals(base, live.liveVersion("routing"));
        as("auditor").get(BASE + "/versions/" + v).then().body("status", equalTo("RETIRED"));
        as("approver").body(Map.of("toVersion", own)).post(BASE + "/rollback").then().statusCode(409);

        List<String> actions = auditActions();
        assertTrue(actions.containsAll(List.of("RULESET_DRAFTED", "RULESET_SUBMITTED", "RULESET_APPROVED",
                "RULESET_REJECTED", "RULESET_ROLLED_BACK")), actions.toString());
        assertTrue(auditChainIntact(), "every audit event links to the hash of the one before");
    }

    @Test
    void simulationDecidesWithoutSideEffects() throws IOException {
        Map<String, Object> order = Map.of("carrier", "CHINA_MOBILE", "province", "广东", "faceValue", 10000);
        List<Map<String, Object>> channels = List.of(
                Map.of("code", "FAST", "carriers", List.of("CHINA_MOBILE"), "successRate", 0.99, "latencyP95Millis", 200),
                Map.of("code", "BROKEN", "carriers", List.of("CHINA_MOBILE"), "circuitState", "OPEN"),
                Map.of("code", "UNICOM", "carriers", List.of("CHINA_UNICOM")));
        long versionsBefore = versionCount();

        as("analyst").body(Map.of("order", order, "channels", channels)).post(BASE + "/simulate").then().statusCode(200)
                .body("decision.ranked.channel", equalTo(List.of("FAST")))
                .body("decision.excluded.BROKEN", equalTo("circuit open"))
                .body("firedRules", hasItem("Prefer channels predicted to succeed at least 85 %"))
                .body("version", notNullValue());
        String draft = withExtraRule(seedRouting(), "Never FAST").replace("costRate > 0.999", "code == \"FAST\"");
        as("approver").body(Map.of("drl", draft, "order", order, "channels", channels)).post(BASE + "/simulate")
                .then().statusCode(200)
                .body("decision.ranked.size()", equalTo(0))
                .body("decision.excluded.FAST", equalTo("too expensive"))
                .body("version", equalTo(null));
        as("operator").body(Map.of("order", order, "channels", channels)).post(BASE + "/simulate").then().statusCode(403);
        as("analyst").body(Map.of("order", Map.of("carrier", "CHINA_MOBILE", "attempt", 1), "channels", channels,
                        "failure", Map.of("channel", "SLOW", "errorClass", "TIMEOUT")))
                .post("/admin/api/rulesets/fallback/simulate").then().statusCode(200)
                .body("decision.action", equalTo("NEXT_CHANNEL"))
                .body("decision.queryFirst", equalTo(true))
                .body("version", equalTo(2));
        as("analyst").body(Map.of("anomaly", Map.of("kind", "STUCK_PROCESSING", "queriesSoFar", 1,
                        "lastQueryStatus", "SUCCEEDED")))
                .post("/admin/api/rulesets/repair/simulate").then().statusCode(200)
                .body("decision.action", equalTo("MARK_SUCCEEDED"))
                .body("firedRules[0]", equalTo("Stuck: the channel says it succeeded"))
                .body("version", equalTo(1));
        as("analyst").body(Map.of("anomaly", Map.of("kind", "LOST_IN_SPACE")))
                .post("/admin/api/rulesets/repair/simulate").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        as("analyst").body(Map.of("order", order)).post("/admin/api/rulesets/repair/simulate").then().statusCode(400)
                .body("details.field", equalTo("anomaly"));
        assertEquals(versionsBefore, versionCount(), "simulation stores nothing");
    }

    @Transactional
    long versionCount() {
        return ((Number) em.createNativeQuery("select count(*) from rule_set_version").getSingleResult()).longValue();
    }

    @Test
    void unknownRuleSetsAndVersionsAreNotFound() {
        as("auditor").get("/admin/api/rulesets/pricing/versions").then().statusCode(404).body("code", equalTo("RULE_SET_NOT_FOUND"));
        as("auditor").get(BASE + "/versions/9999").then().statusCode(404).body("code", equalTo("VERSION_NOT_FOUND"));
        as("auditor").get("/admin/api/rulesets").then().body("size()", greaterThan(2));
    }

    @Transactional
    List<String> auditActions() {
        return em.createNativeQuery("select action from audit_event order by id", String.class).getResultList();
    }

    @Transactional
    boolean auditChainIntact() {
        Number broken = (Number) em.createNativeQuery("""
                select count(*) from (
                    select previous_hash, lag(hash) over (order by id) as prior from audit_event) chain
                where prior is not null and previous_hash <> prior""").getSingleResult();
        return broken.longValue() == 0;
    }
}
