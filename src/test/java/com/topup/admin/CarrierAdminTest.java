package com.topup.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.topup.devenv.KeycloakTokens;
import com.topup.support.MerchantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CarrierAdminTest {

    @ConfigProperty(name = "topup.test.keycloak-url")
    String keycloakUrl;

    private String token(String user) {
        return KeycloakTokens.accessToken(keycloakUrl + "/realms/topup", "topup-cli", user, user);
    }

    @Test
    void adminImportsNumberRangesAndEveryBadLineIsReported() {
        given().auth().oauth2(token("admin")).contentType("text/csv; charset=UTF-8")
                .body("prefix,carrier,province,city\n1926666,CHINA_BROADNET,浙江,杭州\n12,CHINA_MOBILE,x,y\n1926667,NOBODY,浙江,杭州\n")
                .post("/admin/api/carriers/number-ranges")
                .then().statusCode(200)
                .body("inserted", equalTo(1))
                .body("rejected", hasSize(2))
                .body("rejected[0].line", equalTo(3));
        MerchantApi.demo().get("/api/v1/carriers/lookup?phone=19266661234").then().statusCode(200)
                .body("province", equalTo("浙江")).body("city", equalTo("杭州"));
    }

    @Test
    void aSecondImportUpdatesChangedRangesAndLeavesEqualOnesAlone() {
        importRanges("1926669,CHINA_MOBILE,浙江,杭州\n1926670,CHINA_MOBILE,,\n")
                .body("inserted", equalTo(2)).body("updated", equalTo(0)).body("unchanged", equalTo(0));
        importRanges("1926669,CHINA_MOBILE,浙江,杭州\n1926670,CHINA_MOBILE,,\n")
                .body("inserted", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2));
        importRanges("1926669,CHINA_UNICOM,,\n1926670,CHINA_TELECOM,广东,深圳\n")
                .body("inserted", equalTo(0)).body("updated", equalTo(2)).body("unchanged", equalTo(0));
        importRanges("1926669,CHINA_UNICOM,,\n").body("updated", equalTo(0)).body("unchanged", equalTo(1));
        MerchantApi.demo().get("/api/v1/carriers/lookup?phone=19266691234").then().statusCode(200)
                .body("carrier", equalTo("CHINA_UNICOM"));
        MerchantApi.demo().get("/api/v1/carriers/lookup?phone=19266701234").then().statusCode(200)
                .body("carrier", equalTo("CHINA_TELECOM")).body("province", equalTo("广东")).body("city", equalTo("深圳"));
    }

    private ValidatableResponse importRanges(String lines) {
        return given().auth().oauth2(token("admin")).contentType("text/csv; charset=UTF-8")
                .body("prefix,carrier,province,city\n" + lines)
                .post("/admin/api/carriers/number-ranges")
                .then().statusCode(200).body("rejected", hasSize(0));
    }

    @Test
    void portabilityOverridesAreSetAndRemovedByAdmins() {
        String admin = token("admin");
        given().auth().oauth2(admin).contentType("application/json").body("{\"carrier\":\"CHINA_UNICOM\"}")
                .put("/admin/api/carriers/portability/13611112222").then().statusCode(200);
        MerchantApi.demo().get("/api/v1/carriers/lookup?phone=13611112222").then().statusCode(200)
                .body("carrier", equalTo("CHINA_UNICOM"));
        given().auth().oauth2(admin).delete("/admin/api/carriers/portability/13611112222").then().statusCode(204);
        given().auth().oauth2(admin).delete("/admin/api/carriers/portability/13611112222").then().statusCode(404);
        given().auth().oauth2(admin).contentType("application/json").body("{\"carrier\":\"MOON_TEL\"}")
                .put("/admin/api/carriers/portability/13611112222").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
    }

    @Test
    void operatorsCannotChangeCarrierData() {
        given().auth().oauth2(token("operator")).contentType("text/csv").body("prefix,carrier,province,city\n")
                .post("/admin/api/carriers/number-ranges").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }
}
