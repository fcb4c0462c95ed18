package com.topup.instruction;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.support.MerchantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The language-model interpreter inside the application: the test run's model is a local chat-completions endpoint
 * (LocalChatModel) whose answers are scripted here. Its readings are priced, checked and confirmed like the rules'.
 */
@QuarkusTest
class InstructionModelApiTest {

    private static final String INSTRUCTIONS = "/api/v1/instructions";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "topup.instruction.model.url")
    String modelUrl;

    private final MerchantApi demo = MerchantApi.demo();

    @Test
    void aTextOnlyTheModelCanReadIsPricedAndConfirmedLikeAnyOther() {
        String phone = MerchantApi.uniquePhone();
        String text = "please recharge " + phone + " with a hundred bucks";
        script(text, 200, topUp(phone, "a hundred bucks", 10000));

        Response understood = demo.post(INSTRUCTIONS, json(Map.of("text", text)));
        understood.then().statusCode(200)
                .body("readBy", equalTo("model"))
                .body("items", hasSize(1))
                .body("items[0].phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)))
                .body("items[0].carrier", equalTo("CHINA_MOBILE"))
                .body("items[0].faceValue", equalTo(10000))
                .body("items[0].price", equalTo(9850))
                .body("items[0].span", contains(16, 27))
                .body("problems", hasSize(0))
                .body("totalPrice", equalTo(9850));

        String prefix = "LM-" + UUID.randomUUID().toString().substring(0, 8);
        demo.post(INSTRUCTIONS + "/" + understood.path("confirmation") + "/confirm",
                        json(Map.of("merchantOrderIdPrefix", prefix))).then().statusCode(201)
                .body("orders", hasSize(1))
                .body("orders[0].merchantOrderId", equalTo(prefix + "-1"))
                .body("orders[0].faceValue", equalTo(10000));
    }

    @Test
    void anAmountTheModelReadsButTheCatalogueDoesNotOfferIsAProblem() {
        String phone = MerchantApi.uniquePhone();
        String text = "recharge " + phone + " with seven yuan";
        script(text, 200, topUp(phone, "seven yuan", 700));

        demo.post(INSTRUCTIONS, json(Map.of("text", text))).then().statusCode(200)
                .body("readBy", equalTo("model"))
                .body("items", hasSize(0))
                .body("problems", hasSize(1))
                .body("problems[0].code", equalTo("UNSUPPORTED_FACE_VALUE"))
                .body("problems[0].span", contains(26, 36))
                .body("problems[0].details.faceValue", equalTo(700))
                .body("$", not(hasKey("confirmation")));
    }

    @Test
    void aFailingModelStillAnswersWithTheRulesReading() {
        String phone = MerchantApi.uniquePhone();
        String text = phone + " needs fifty, model down";
        script(text, 500, null);

        demo.post(INSTRUCTIONS, json(Map.of("text", text))).then().statusCode(200)
                .body("readBy", equalTo("rules"))
                .body("items", hasSize(0))
                // by position: the model's problem covers the whole text, the rules' one the number at its start
                .body("problems.code", contains("MODEL_UNAVAILABLE", "NO_AMOUNT"))
                .body("problems[0].span", contains(0, text.length()))
                .body("$", not(hasKey("confirmation")));
    }

    @Test
    void whatTheRulesReadIsAnsweredByThem() {
        demo.post(INSTRUCTIONS, json(Map.of("text", "给" + MerchantApi.uniquePhone() + "充100元"))).then()
                .statusCode(200).body("readBy", equalTo("rules")).body("items", hasSize(1));
    }

    private static String topUp(String phone, String amount, long fen) {
        return json(Map.of("topUps", List.of(Map.of("phoneAsWritten", phone, "amountAsWritten", amount,
                "faceValueFen", fen)), "unclear", List.of()));
    }

    private void script(String user, int status, String content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", user);
        body.put("status", status);
        body.put("content", content);
        String script = modelUrl.substring(0, modelUrl.length() - "/v1".length()) + "/script";
        given().contentType("application/json").body(json(body)).put(script).then().statusCode(204);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
