package com.topup.admin;

import static com.topup.notify.CallbackOrders.eventually;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.topup.common.db.Sql;
import com.topup.devenv.KeycloakTokens;
import com.topup.notify.CallbackOrders;
import com.topup.notify.TestMerchantReceiver;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The staff side of merchant callbacks: their log per order, undelivered ones, and resend-notify with roles. */
@QuarkusTest
class NotificationAdminResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @ConfigProperty(name = "topup.test.keycloak-url")
    String keycloakUrl;

    @TestHTTPResource("/")
    URL app;

    @Inject
    Sql sql;

    private String token(String user) {
        return KeycloakTokens.accessToken(keycloakUrl + "/realms/topup", "topup-cli", user, user);
    }

    private static final String REASON = "{\"reason\":\"test\"}";

    @Test
    void operatorResendsAFinishedOrderWithANewEventIdAndItIsAudited() {
        String inbox = CallbackOrders.newInbox();
        String orderId = CallbackOrders.place(CallbackOrders.receiverUrl(app.getPort(), inbox));
        String firstEvent = CallbackOrders.finish(orderId, "SUCCEEDED", null).orElseThrow();
        eventually(WAIT, "first callback", () -> TestMerchantReceiver.received(inbox).size() == 1);

        given().auth().oauth2(token("operator")).contentType("application/json")
                .body("{\"reason\":\"merchant lost the first callback\"}")
                .post("/admin/api/orders/{id}/actions/resend-notify", orderId)
                .then().statusCode(200)
                .body("order.orderId", equalTo(orderId))
                .body("order.status", equalTo("SUCCEEDED"))
                .body("action.kind", equalTo("RESEND_NOTIFY"))
                .body("action.status", equalTo("DONE"))
                .body("action.reason", equalTo("merchant lost the first callback"));

        eventually(WAIT, "second callback", () -> TestMerchantReceiver.received(inbox).size() == 2);
        String resent = TestMerchantReceiver.received(inbox).get(1).eventId();
        assertNotEquals(firstEvent, resent);
        eventually(WAIT, "both delivered", () -> given().auth().oauth2(token("auditor"))
                .get("/admin/api/orders/{id}/notifications", orderId).then().statusCode(200)
                .extract().<List<String>>path("status").equals(List.of("DELIVERED", "DELIVERED")));
        given().auth().oauth2(token("auditor")).get("/admin/api/orders/{id}/notifications", orderId)
                .then().statusCode(200)
                .body("eventId", equalTo(List.of(firstEvent, resent)))
                .body("[1].attemptLog", hasSize(1))
                .body("[1].attemptLog[0].httpStatus", equalTo(200));
        assertEquals("merchant lost the first callback", sql.queryText(
                "select reason from audit_event where action = 'ORDER_RESEND_NOTIFY' and subject = ? and actor = 'operator'",
                "order:" + orderId));
    }

    @Test
    void resendIsRefusedForOrdersThatCannotBeNotified() {
        String operator = token("operator");
        String pending = CallbackOrders.place("http://127.0.0.1:1/never");
        given().auth().oauth2(operator).contentType("application/json").body(REASON)
                .post("/admin/api/orders/{id}/actions/resend-notify", pending)
                .then().statusCode(409).body("code", equalTo("INVALID_STATE")).body("details.status", equalTo("PENDING"));
        given().auth().oauth2(operator).contentType("application/json").body("{}")
                .post("/admin/api/orders/{id}/actions/resend-notify", pending)
                .then().statusCode(400).body("code", equalTo("INVALID_REQUEST")).body("details.field", equalTo("reason"));

        String silent = CallbackOrders.place(null);
        CallbackOrders.finish(silent, "FAILED", "NO_CHANNEL");
        given().auth().oauth2(operator).contentType("application/json").body(REASON)
                .post("/admin/api/orders/{id}/actions/resend-notify", silent)
                .then().statusCode(409).body("code", equalTo("NO_NOTIFY_URL"));

        given().auth().oauth2(operator).contentType("application/json").body(REASON)
                .post("/admin/api/orders/{id}/actions/resend-notify", "T-NO-SUCH-ORDER")
                .then().statusCode(404).body("code", equalTo("ORDER_NOT_FOUND"));
        given().auth().oauth2(operator).get("/admin/api/orders/{id}/notifications", "T-NO-SUCH-ORDER")
                .then().statusCode(404).body("code", equalTo("ORDER_NOT_FOUND"));
    }

    @Test
    void rolesAreEnforced() {
        String orderId = CallbackOrders.place(null);
        for (String user : List.of("analyst", "approver", "auditor", "admin")) {
            given().auth().oauth2(token(user)).contentType("application/json").body(REASON)
                    .post("/admin/api/orders/{id}/actions/resend-notify", orderId)
                    .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        }
        given().post("/admin/api/orders/{id}/actions/resend-notify", orderId).then().statusCode(401);
        for (String user : List.of("analyst", "approver", "admin")) {
            given().auth().oauth2(token(user)).get("/admin/api/orders/{id}/notifications", orderId)
                    .then().statusCode(403);
            given().auth().oauth2(token(user)).get("/admin/api/notifications").then().statusCode(403);
        }
        given().get("/admin/api/orders/{id}/notifications", orderId).then().statusCode(401);
        given().get("/admin/api/notifications?status=UNDELIVERED").then().statusCode(401);
        given().auth().oauth2(token("operator")).get("/admin/api/orders/{id}/notifications", orderId)
                .then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void undeliveredCallbacksAreListedForStaff() {
        String unreachable = "http://127.0.0.1:" + com.topup.devenv.FreePorts.next() + "/callback";
        String orderId = CallbackOrders.place(unreachable);
        String eventId = CallbackOrders.finish(orderId, "SUCCEEDED", null).orElseThrow();
        String auditor = token("auditor");
        eventually(WAIT, "listed as undelivered", () -> given().auth().oauth2(auditor)
                .get("/admin/api/notifications?status=UNDELIVERED").then().statusCode(200)
                .extract().<List<String>>path("eventId").contains(eventId));
        given().auth().oauth2(token("operator")).get("/admin/api/notifications").then().statusCode(200)
                .body("eventId", hasItem(eventId));
        given().auth().oauth2(auditor).get("/admin/api/notifications?status=LOST").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("topup_notify_undelivered"))
                .body(org.hamcrest.Matchers.containsString("topup_notify_deliveries_total{outcome=\"undelivered\""))
                .body(org.hamcrest.Matchers.containsString("topup_notify_attempt_latency_seconds_count"));
    }
}
