package com.topup.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.devenv.KeycloakTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The staff API of one app as the demo users (password = user name), with their tokens reused for a minute. */
final class StaffClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_REUSE = Duration.ofSeconds(60);

    private record Token(String value, long fetchedAt) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String appUrl;
    private final String realmUrl;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    StaffClient(String appUrl, String realmUrl) {
        this.appUrl = appUrl;
        this.realmUrl = realmUrl;
    }

    JsonNode get(String user, String path) {
        return call(user, "GET", path, null, 200);
    }

    JsonNode put(String user, String path, Object body) {
        return call(user, "PUT", path, body, 200);
    }

    JsonNode post(String user, String path, Object body, int expectedStatus) {
        return call(user, "POST", path, body, expectedStatus);
    }

    /** The app's readiness report (no token needed). */
    JsonNode readiness() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(appUrl + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Readiness of " + appUrl + " unreadable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode call(String user, String method, String path, Object body, int expectedStatus) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(appUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token(user));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(method + " " + path + " as " + user + ": HTTP " + response.statusCode()
                        + " " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token(String user) {
        Token token = tokens.get(user);
        if (token == null || System.nanoTime() - token.fetchedAt() > TOKEN_REUSE.toNanos()) {
            token = new Token(KeycloakTokens.accessToken(realmUrl, "topup-cli", user, user), System.nanoTime());
            tokens.put(user, token);
        }
        return token.value();
    }
}
