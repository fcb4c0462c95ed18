package com.topup.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.topup.devenv.KeycloakTokens;
import com.topup.support.MerchantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The staff order search: filters, masked numbers, keyset pages, refusals. */
@QuarkusTest
class OrderSearchTest {

    @ConfigProperty(name = "topup.test.keycloak-url")
    String keycloakUrl;

    private String token() {
        return KeycloakTokens.accessToken(keycloakUrl + "/realms/topup", "topup-cli", "operator", "operator");
    }

    private JsonPath search(String query) {
        return given().auth().oauth2(token()).get("/admin/api/orders?" + query).then().statusCode(200).extract().jsonPath();
    }

    private static String place(MerchantApi merchant, String merchantOrderId, String phone) {
        return merchant.post("/api/v1/orders", MerchantApi.orderJson(merchantOrderId, phone, 1_000))
                .then().statusCode(201).extract().path("orderId");
    }

    @Test
    void aFullNumberFindsItsOrdersNewestFirstShowingThemMasked() {
        String phone = MerchantApi.uniquePhone();
        String older = place(MerchantApi.demo(), MerchantApi.uniqueOrderId("S"), phone);
        String newer = place(new MerchantApi(MerchantApi.DEMO_2, MerchantApi.DEMO_2_SECRET), MerchantApi.uniqueOrderId("S"), phone);

        JsonPath found = search("phone=" + phone);
        assertEquals(List.of(newer, older), found.getList("items.orderId"));
        assertEquals(phone.substring(0, 3) + "****" + phone.substring(7), found.getString("items[0].phone"));
        assertEquals(List.of(MerchantApi.DEMO_2, MerchantApi.DEMO), found.getList("items.merchant"));
        assertEquals(List.of(older), search("phone=%2B86" + phone + "&merchant=" + MerchantApi.DEMO).getList("items.orderId"));
        assertEquals(0, search("phone=" + phone + "&merchant=no-such-merchant").getList("items").size());
    }

    @Test
    void filtersCombineAndPagesFollowTheCursor() {
        String merchantOrderId = MerchantApi.uniqueOrderId("S");
        String orderId = place(MerchantApi.demo(), merchantOrderId, MerchantApi.uniquePhone());
        assertEquals(List.of(orderId), search("merchantOrderId=" + merchantOrderId + "&carrier=CHINA_MOBILE")
                .getList("items.orderId"));
        assertEquals(List.of(orderId), search("merchantOrderId=" + merchantOrderId).getList("items.orderId"));
        assertEquals(0, search("merchantOrderId=" + merchantOrderId + "&carrier=CHINA_UNICOM").getList("items").size());
        given().auth().oauth2(token()).get("/admin/api/orders?status=SUCCEEDED&limit=5").then().statusCode(200)
                .body("items.status", everyItem(equalTo("SUCCEEDED")));

        for (int i = 0; i < 3; i++) {
            place(MerchantApi.demo(), MerchantApi.uniqueOrderId("P"), MerchantApi.uniquePhone());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 3; page++) {
            JsonPath result = search("limit=2&merchant=" + MerchantApi.DEMO + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(2, result.getList("items").size());
            seen.addAll(result.getList("items.orderId"));
            cursor = result.getString("nextCursor");
            assertNotNull(cursor);
        }
        assertEquals(6, seen.stream().distinct().count(), "pages do not overlap");
        JsonPath first = search("limit=1");
        JsonPath second = search("limit=1&cursor=" + first.getString("nextCursor"));
        assertNotEquals(first.getString("items[0].orderId"), second.getString("items[0].orderId"));
    }

    @Test
    void aWindowAndTheLastPageEndTheSearch() {
        JsonPath empty = search("from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z");
        assertEquals(0, empty.getList("items").size());
        assertNull(empty.get("nextCursor"));
    }

    @Test
    void badFiltersAreRefused() {
        for (String query : List.of("status=DONE", "carrier=ACME", "limit=0", "limit=201", "cursor=nonsense",
                "from=yesterday", "phone=12345")) {
            given().auth().oauth2(token()).get("/admin/api/orders?" + query).then().statusCode(400)
                    .body("code", equalTo("INVALID_REQUEST"));
        }
        given().auth().oauth2(token()).get("/admin/api/orders?limit=3").then().statusCode(200).body("items", hasSize(3));
    }
}
