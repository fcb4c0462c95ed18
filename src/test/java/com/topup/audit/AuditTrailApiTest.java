package com.topup.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.topup.common.db.Sql;
import com.topup.devenv.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The audit trail API: staff writes are in it with roles and reasons, and a row changed behind its back is found. */
@QuarkusTest
class AuditTrailApiTest {

    @ConfigProperty(name = "topup.test.keycloak-url")
    String keycloakUrl;

    @Inject
    Sql sql;

    private String token(String user) {
        return KeycloakTokens.accessToken(keycloakUrl + "/realms/topup", "topup-cli", user, user);
    }

    @Test
    void aMerchantCreditIsAuditedWithItsReasonAndBalances() {
        given().auth().oauth2(token("admin")).contentType("application/json")
                .body("{\"amount\":12345,\"note\":\"wire transfer 2026-11-30\"}")
                .post("/admin/api/merchants/demo-merchant-2/credits").then().statusCode(200);
        JsonPath page = given().auth().oauth2(token("auditor"))
                .queryParam("action", "MERCHANT_CREDITED").queryParam("target", "merchant:demo-merchant-2").queryParam("limit", 1)
                .get("/admin/api/audit").then().statusCode(200).extract().jsonPath();
        assertEquals("admin", page.getString("items[0].actor"));
        assertEquals(List.of("admin"), page.getList("items[0].roles"));
        assertEquals("wire transfer 2026-11-30", page.getString("items[0].reason"));
        assertEquals(12345, page.getLong("items[0].after.balance") - page.getLong("items[0].before.balance"));
        assertEquals("balance", page.getString("items[0].diff[0].path"));

        given().auth().oauth2(token("admin")).contentType("application/json").body("{\"amount\":100}")
                .post("/admin/api/merchants/demo-merchant-2/credits").then().statusCode(400)
                .body("details.field", equalTo("note"));
    }

    @Test
    void theSimulatorsStaffWritesAreAudited() {
        given().auth().oauth2(token("admin")).contentType("application/json").body("{\"seconds\":0}")
                .post("/admin/api/sim/suppliers/sim-fast/outage").then().statusCode(200);
        JsonPath page = given().auth().oauth2(token("auditor"))
                .queryParam("action", "SIM_OUTAGE_ENDED").queryParam("target", "sim:sim-fast").queryParam("limit", 1)
                .get("/admin/api/audit").then().statusCode(200).extract().jsonPath();
        assertEquals("admin", page.getString("items[0].actor"));
        assertEquals(0, page.getInt("items[0].after.seconds"));
    }

    @Test
    void pagesFollowTheCursorAndFiltersNarrow() {
        JsonPath first = given().auth().oauth2(token("auditor")).queryParam("limit", 1).get("/admin/api/audit")
                .then().statusCode(200).extract().jsonPath();
        String cursor = first.getString("nextCursor");
        assertNotNull(cursor);
        long firstId = first.getLong("items[0].id");
        long secondId = given().auth().oauth2(token("admin")).queryParam("limit", 1).queryParam("cursor", cursor)
                .get("/admin/api/audit").then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        assertEquals(true, secondId < firstId);
        given().auth().oauth2(token("auditor")).queryParam("actor", "system").queryParam("action", "RULESET_SEEDED")
                .get("/admin/api/audit").then().statusCode(200).body("items.action", hasItem("RULESET_SEEDED"));
        given().auth().oauth2(token("auditor")).queryParam("from", "2000-01-01T00:00:00Z").queryParam("to", "2000-01-02T00:00:00Z")
                .get("/admin/api/audit").then().statusCode(200).body("items.size()", equalTo(0)).body("nextCursor", nullValue());
        for (String bad : List.of("limit=0", "cursor=x", "from=today")) {
            given().auth().oauth2(token("auditor")).get("/admin/api/audit?" + bad).then().statusCode(400)
                    .body("code", equalTo("INVALID_REQUEST"));
        }
    }

    @Test
    void aRowEditedBehindTheAppsBackBreaksTheChainAtThatEntry() {
        given().auth().oauth2(token("auditor")).get("/admin/api/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("firstBroken", nullValue());
        long target = sql.queryLong("select min(id) from audit_event where action = 'RULESET_SEEDED'");
        String actor = sql.queryText("select actor from audit_event where id = ?", target);
        try {
            sql.update("update audit_event set actor = 'mallory' where id = ?", target);
            JsonPath broken = given().auth().oauth2(token("auditor")).get("/admin/api/audit/verify").then().statusCode(200)
                    .extract().jsonPath();
            assertFalse(broken.getBoolean("intact"));
            assertEquals(target, broken.getLong("firstBroken"));
        } finally {
            sql.update("update audit_event set actor = ? where id = ?", actor, target);
        }
        given().auth().oauth2(token("admin")).get("/admin/api/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true));
    }
}
