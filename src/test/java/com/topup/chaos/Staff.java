package com.topup.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.devenv.KeycloakTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The staff API of one process as the demo admin (a token per minute). */
final class Staff {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String realmUrl;
    private String token;
    private long fetchedAt;

    Staff(String baseUrl, String realmUrl) {
        this.baseUrl = baseUrl;
        this.realmUrl = realmUrl;
    }

    JsonNode get(String path) {
        return call("GET", path, null);
    }

    JsonNode put(String path, Object body) {
        return call("PUT", path, body);
    }

    JsonNode post(String path, Object body) {
        return call("POST", path, body);
    }

    private JsonNode call(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token());
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + baseUrl + path + ": HTTP " + response.statusCode() + " "
                        + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + baseUrl + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private synchronized String token() {
        if (token == null || System.nanoTime() - fetchedAt > Duration.ofSeconds(60).toNanos()) {
            token = KeycloakTokens.accessToken(realmUrl, "topup-cli", "admin", "admin");
            fetchedAt = System.nanoTime();
        }
        return token;
    }
}
