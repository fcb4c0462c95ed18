package com.topup.sim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.channel.adapter.ChannelCallback;
import com.topup.channel.adapter.ChannelEndpoint;
import com.topup.channel.adapter.ChannelStatus;
import com.topup.channel.adapter.FormMd5Adapter;
import com.topup.channel.adapter.JsonHmacAdapter;
import com.topup.channel.adapter.StatusResult;
import com.topup.channel.adapter.SubmitOutcome;
import com.topup.channel.adapter.SubmitRequest;
import com.topup.channel.adapter.SubmitResult;
import com.topup.devenv.KeycloakTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real adapters against the real simulator over HTTP, callbacks included. */
@QuarkusTest
class SimOverHttpTest {

    private static final String RELIABLE = """
            {"successRate": {"CHINA_MOBILE": 1.0, "CHINA_UNICOM": 1.0, "CHINA_TELECOM": 0.0},
             "submitLatency": {"medianMs": 5, "p95Ms": 5}, "resultLatency": {"medianMs": 150, "p95Ms": 150},
             "queryLatency": {"medianMs": 1, "p95Ms": 1}}""";

    private static String adminToken;
    private static String operatorToken;

    @Inject
    JsonHmacAdapter jsonHmac;
    @Inject
    FormMd5Adapter formMd5;
    @Inject
    SimSuppliers suppliers;
    @Inject
    CapturedCallbacks callbacks;

    @TestHTTPResource("/test/sim-callbacks/")
    URL callbackRoot;

    @ConfigProperty(name = "topup.test.keycloak-url")
    String keycloakUrl;

    @AfterEach
    void reset() {
        given().auth().oauth2(admin()).post("/admin/api/sim/reset").then().statusCode(200);
    }

    @Test
    void jsonHmacSubmitIsCalledBackAndQueryable() throws Exception {
        useBehaviour("sim-fast", RELIABLE);
        ChannelEndpoint endpoint = endpoint("sim-fast", Duration.ofSeconds(3));
        String reference = reference();
        SubmitResult submitted = jsonHmac.submit(endpoint, request(reference, "CHINA_MOBILE", 10_000, "sim-fast"));
        assertEquals(SubmitOutcome.ACCEPTED, submitted.outcome(), submitted.toString());
        assertNotNull(submitted.channelReference());

        ChannelCallback callback = callbacks.await(reference, 1, Duration.ofSeconds(10)).get(0);
        assertEquals(ChannelStatus.SUCCEEDED, callback.status());
        assertEquals(10_000L, callback.amount());
        assertEquals(submitted.channelReference(), callback.channelReference());

        StatusResult status = jsonHmac.query(endpoint, reference);
        assertEquals(ChannelStatus.SUCCEEDED, status.status(), status.toString());
        assertEquals(10_000L, status.amount());
        assertEquals(ChannelStatus.NOT_FOUND, jsonHmac.query(endpoint, "never-sent").status());

        SubmitResult again = jsonHmac.submit(endpoint, request(reference, "CHINA_MOBILE", 10_000, "sim-fast"));
        assertEquals(submitted.channelReference(), again.channelReference(), "a retried reference is not charged twice");

        given().auth().oauth2(operator()).get("/admin/api/sim/suppliers").then().statusCode(200)
                .body("find { it.code == 'sim-fast' }.stats.accepted", equalTo(1))
                .body("find { it.code == 'sim-fast' }.stats.callbacksAcknowledged", equalTo(1));
    }

    @Test
    void formMd5SubmitIsCalledBackAndQueryableAndFailuresCarryTheirCode() throws Exception {
        useBehaviour("sim-cheap", RELIABLE);
        ChannelEndpoint endpoint = endpoint("sim-cheap", Duration.ofSeconds(3));
        String succeeding = reference();
        SubmitResult submitted = formMd5.submit(endpoint, request(succeeding, "CHINA_UNICOM", 5_000, "sim-cheap"));
        assertEquals(SubmitOutcome.ACCEPTED, submitted.outcome(), submitted.toString());
        ChannelCallback callback = callbacks.await(succeeding, 1, Duration.ofSeconds(10)).get(0);
        assertEquals(ChannelStatus.SUCCEEDED, callback.status());
        assertEquals(5_000L, callback.amount());
        assertEquals(submitted.channelReference(), callback.channelReference());
        StatusResult status = formMd5.query(endpoint, succeeding);
        assertEquals(ChannelStatus.SUCCEEDED, status.status(), status.toString());
        assertEquals(5_000L, status.amount());

        String failing = reference();
        assertEquals(SubmitOutcome.ACCEPTED, formMd5.submit(endpoint, request(failing, "CHINA_TELECOM", 5_000, "sim-cheap")).outcome());
        ChannelCallback failure = callbacks.await(failing, 1, Duration.ofSeconds(10)).get(0);
        assertEquals(ChannelStatus.FAILED, failure.status());
        assertEquals("5001", failure.errorCode());
        assertEquals("REJECTED", failure.errorClass());

        SubmitResult unserved = formMd5.submit(endpoint, request(reference(), "CHINA_BROADNET", 5_000, "sim-cheap"));
        assertEquals(SubmitOutcome.REJECTED, unserved.outcome());
        assertEquals("1004", unserved.errorCode());
        assertEquals(ChannelStatus.NOT_FOUND, formMd5.query(endpoint, "never-sent").status());
    }

    @Test
    void outagesTimeOutOrAnswer503() {
        useBehaviour("sim-fast", RELIABLE);
        given().auth().oauth2(admin()).contentType("application/json").body("{\"seconds\": 30}")
                .post("/admin/api/sim/suppliers/sim-fast/outage").then().statusCode(200)
                .body("outageUntil", org.hamcrest.Matchers.notNullValue());
        SubmitResult timedOut = jsonHmac.submit(endpoint("sim-fast", Duration.ofMillis(500)),
                request(reference(), "CHINA_MOBILE", 1_000, "sim-fast"));
        assertEquals(SubmitOutcome.UNKNOWN, timedOut.outcome());
        assertEquals("TIMEOUT", timedOut.errorClass());
        assertTrue(timedOut.elapsedMillis() < 2_000, "bounded by the endpoint timeout: " + timedOut.elapsedMillis());

        given().auth().oauth2(admin()).contentType("application/json").body("{\"seconds\": 30}")
                .post("/admin/api/sim/suppliers/sim-cheap/outage").then().statusCode(200);
        SubmitResult unavailable = formMd5.submit(endpoint("sim-cheap", Duration.ofSeconds(2)),
                request(reference(), "CHINA_MOBILE", 1_000, "sim-cheap"));
        assertEquals(SubmitOutcome.REJECTED, unavailable.outcome(), "503: the supplier took nothing");
        assertEquals("NETWORK", unavailable.errorClass());

        given().auth().oauth2(admin()).contentType("application/json").body("{\"seconds\": 0}")
                .post("/admin/api/sim/suppliers/sim-fast/outage").then().statusCode(200);
        assertEquals(SubmitOutcome.ACCEPTED, jsonHmac.submit(endpoint("sim-fast", Duration.ofSeconds(3)),
                request(reference(), "CHINA_MOBILE", 1_000, "sim-fast")).outcome());
    }

    @Test
    void theSimRefusesUnsignedRequestsAndUnknownSuppliers() {
        given().contentType("application/json").body("{\"reference\":\"R\",\"phone\":\"13800138000\",\"faceValue\":100}")
                .post("/sim/sim-fast/topup").then().statusCode(200)
                .body("accepted", equalTo(false)).body("errorCode", equalTo("BAD_SIGNATURE"));
        given().contentType("application/x-www-form-urlencoded").body("order_no=R&mobile=13800138000&amount=100")
                .post("/sim/sim-cheap/recharge").then().statusCode(200).body("code", equalTo("1002"));
        given().contentType("application/json").body("{}").post("/sim/nobody/topup").then().statusCode(404);
        given().contentType("application/json").body("{}").post("/sim/sim-fast/recharge").then().statusCode(404);
    }

    @Test
    void staffApiRolesAndRefusals() {
        given().auth().oauth2(operator()).get("/admin/api/sim/suppliers").then().statusCode(200)
                .body("code", hasItem("sim-broadnet")).body("$", hasSize(suppliers.list().size()));
        given().auth().oauth2(operator()).contentType("application/json").body(RELIABLE)
                .put("/admin/api/sim/suppliers/sim-fast").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(operator()).post("/admin/api/sim/reset").then().statusCode(403);
        given().get("/admin/api/sim/suppliers").then().statusCode(401);
        given().auth().oauth2(admin()).contentType("application/json").body(RELIABLE)
                .put("/admin/api/sim/suppliers/nobody").then().statusCode(404).body("code", equalTo("SIM_SUPPLIER_NOT_FOUND"));
        given().auth().oauth2(admin()).contentType("application/json").body("{\"successRate\":{\"CHINA_MOBILE\":2}}")
                .put("/admin/api/sim/suppliers/sim-fast").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"))
                .body("details.problems", hasItem("successRate.CHINA_MOBILE must be between 0 and 1"));
        given().auth().oauth2(admin()).contentType("application/json").body("{\"seconds\": -1}")
                .post("/admin/api/sim/suppliers/sim-fast/outage").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        given().auth().oauth2(admin()).contentType("application/json").body("{\"seed\": 1234}")
                .post("/admin/api/sim/reset").then().statusCode(200).body("seed", equalTo(1234));
    }

    @Test
    void suppliersAreListedForChannelRegistration() {
        List<SimSupplier> listed = suppliers.list();
        assertTrue(listed.size() >= 4);
        SimSupplier broadnet = suppliers.find("sim-broadnet").orElseThrow();
        assertEquals("form-md5", broadnet.protocol());
        assertTrue(broadnet.carriers().contains("CHINA_BROADNET"));
        assertEquals("/sim/sim-broadnet", broadnet.basePath());
        assertTrue(suppliers.baseUrl(broadnet).toString().endsWith("/sim/sim-broadnet"), suppliers.baseUrl(broadnet).toString());
    }

    private void useBehaviour(String code, String behaviour) {
        given().auth().oauth2(admin()).contentType("application/json").body(behaviour)
                .put("/admin/api/sim/suppliers/" + code).then().statusCode(200).body("code", equalTo(code));
    }

    private ChannelEndpoint endpoint(String code, Duration timeout) {
        SimSupplier supplier = suppliers.find(code).orElseThrow();
        return new ChannelEndpoint(code, supplier.protocol(), suppliers.baseUrl(supplier), supplier.secret(), timeout);
    }

    private SubmitRequest request(String reference, String carrier, long faceValue, String supplierCode) {
        return new SubmitRequest(reference, "13800138000", carrier, faceValue, URI.create(callbackRoot + supplierCode));
    }

    private static String reference() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private String admin() {
        if (adminToken == null) {
            adminToken = KeycloakTokens.accessToken(keycloakUrl + "/realms/topup", "topup-cli", "admin", "admin");
        }
        return adminToken;
    }

    private String operator() {
        if (operatorToken == null) {
            operatorToken = KeycloakTokens.accessToken(keycloakUrl + "/realms/topup", "topup-cli", "operator", "operator");
        }
        return operatorToken;
    }
}
