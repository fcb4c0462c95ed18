package com.topup.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderRequestParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void parsesAFullRequest() throws Exception {
        OrderRequest request = OrderRequestParser.parse(json(
                "{\"merchantOrderId\":\"A-1001\",\"phone\":\"13800138000\",\"faceValue\":10000,\"notifyUrl\":\"https://m.example/cb\"}"));
        assertEquals(new OrderRequest("A-1001", "13800138000", 10000, "https://m.example/cb"), request);
    }

    @Test
    void notifyUrlIsOptional() throws Exception {
        assertNull(OrderRequestParser.parse(json("{\"merchantOrderId\":\"A\",\"phone\":\"1\",\"faceValue\":1}")).notifyUrl());
        assertNull(OrderRequestParser.parse(json("{\"merchantOrderId\":\"A\",\"phone\":\"1\",\"faceValue\":1,\"notifyUrl\":null}")).notifyUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"phone\":\"1\",\"faceValue\":1}",
            "{\"merchantOrderId\":\"\",\"phone\":\"1\",\"faceValue\":1}",
            "{\"merchantOrderId\":\"a/b\",\"phone\":\"1\",\"faceValue\":1}",
            "{\"merchantOrderId\":\"é\",\"phone\":\"1\",\"faceValue\":1}",
            "{\"merchantOrderId\":1,\"phone\":\"1\",\"faceValue\":1}",
            "{\"merchantOrderId\":\"A\",\"faceValue\":1}",
            "{\"merchantOrderId\":\"A\",\"phone\":[],\"faceValue\":1}",
            "{\"merchantOrderId\":\"A\",\"phone\":\"1\",\"faceValue\":0}",
            "{\"merchantOrderId\":\"A\",\"phone\":\"1\",\"faceValue\":1.0}",
            "{\"merchantOrderId\":\"A\",\"phone\":\"1\",\"faceValue\":\"1\"}",
            "{\"merchantOrderId\":\"A\",\"phone\":\"1\",\"faceValue\":99999999999999999999}",
            "{\"merchantOrderId\":\"A\",\"phone\":\"1\",\"faceValue\":1,\"notifyUrl\":5}",
            "[]",
            "\"text\""
    })
    void refusesMalformedFieldsAsInvalidRequest(String body) throws Exception {
        ApiException e = assertThrows(ApiException.class, () -> OrderRequestParser.parse(json(body)));
        assertEquals(400, e.status());
        assertEquals("INVALID_REQUEST", e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://m.example/cb", "https://", "not a url", "https://user:pw@m.example/cb", "/relative", "mailto:a@b.c"})
    void refusesBadNotifyUrls(String url) throws Exception {
        ApiException e = assertThrows(ApiException.class, () -> OrderRequestParser.parse(json(
                "{\"merchantOrderId\":\"A\",\"phone\":\"1\",\"faceValue\":1,\"notifyUrl\":\"" + url + "\"}")));
        assertEquals(422, e.status());
        assertEquals("INVALID_NOTIFY_URL", e.code());
    }

    @Test
    void overlongNotifyUrlIsInvalidRequest() throws Exception {
        String url = "https://m.example/" + "a".repeat(1100);
        ApiException e = assertThrows(ApiException.class, () -> OrderRequestParser.parse(json(
                "{\"merchantOrderId\":\"A\",\"phone\":\"1\",\"faceValue\":1,\"notifyUrl\":\"" + url + "\"}")));
        assertEquals("INVALID_REQUEST", e.code());
    }
}
