package com.topup.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.topup.devenv.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Bearer tokens from the real Keycloak: the right role is let in, the wrong role and foreign tokens are not. */
@QuarkusTest
class StaffAuthTest {

    @ConfigProperty(name = "topup.test.keycloak-url")
    String keycloakUrl;

    private String token(String realm, String user) {
        return KeycloakTokens.accessToken(keycloakUrl + "/realms/" + realm, "topup-cli", user, user);
    }

    @Test
    void staffTokenIsAccepted() {
        given().auth().oauth2(token("topup", "analyst")).get("/admin/api/me").then().statusCode(200)
                .body("username", equalTo("analyst"))
                .body("roles", hasItem("rule-author"));
    }

    @Test
    void wrongRoleIsForbidden() {
        given().auth().oauth2(token("topup", "operator")).contentType("application/json")
                .body("{\"code\":\"by-operator\",\"secret\":\"by-operator-secret-1\"}")
                .post("/admin/api/merchants").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(token("topup", "nobody")).get("/admin/api/me").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void adminOpensAndCreditsAMerchant() {
        String admin = token("topup", "admin");
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"code\":\"opened-by-admin\",\"name\":\"Opened\",\"secret\":\"opened-by-admin-secret\",\"openingBalance\":5000}")
                .post("/admin/api/merchants").then().statusCode(201).body("balance", equalTo(5000));
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"code\":\"opened-by-admin\",\"secret\":\"another-secret-of-16\",\"openingBalance\":9000}")
                .post("/admin/api/merchants").then().statusCode(409).body("code", equalTo("MERCHANT_EXISTS"));
        given().auth().oauth2(admin).contentType("application/json").body("{\"amount\":250,\"note\":\"top-up\"}")
                .post("/admin/api/merchants/opened-by-admin/credits").then().statusCode(200).body("balance", equalTo(5250));
        given().auth().oauth2(admin).contentType("application/json").body("null")
                .post("/admin/api/merchants/opened-by-admin/credits").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        given().auth().oauth2(admin).contentType("application/json").body("{\"amount\":6758762625924835939,\"note\":\"too much\"}")
                .post("/admin/api/merchants/opened-by-admin/credits").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        given().auth().oauth2(admin).contentType("application/json").body("null")
                .post("/admin/api/merchants").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        given().auth().oauth2(token("topup", "auditor")).get("/admin/api/merchants/opened-by-admin/reconciliation")
                .then().statusCode(200).body("balance", equalTo(5250)).body("credits", equalTo(5250));
    }

    @Test
    void missingOrForeignTokenIsUnauthorized() {
        given().get("/admin/api/me").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        given().auth().oauth2("not.a.token").get("/admin/api/me").then().statusCode(401);
        given().auth().oauth2(token("elsewhere", "admin")).get("/admin/api/me").then().statusCode(401);
    }
}
