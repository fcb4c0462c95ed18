package com.topup.devenv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lets the console log in from wherever a local app listens. Keycloak accepts a redirect to any port of 127.0.0.1
 * when the client lists the address without a port (RFC 8252 loopback redirects), but web origins, which the
 * browser's token requests need, must name the port: so the launcher and the browser tests add the app's own
 * address to the console client (redirect URI, post-logout redirect URI, web origin) through the admin API, with the
 * bootstrap admin of the local Keycloak.
 */
public final class ConsoleLoginOrigins {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String POST_LOGOUT = "post.logout.redirect.uris";

    private ConsoleLoginOrigins() {
    }

    /** Adds appUrl (e.g. http://127.0.0.1:8085) to the client of the realm, keeping what it already allows. */
    public static void allow(String keycloakUrl, String realm, String clientId, String appUrl) {
        String token = KeycloakTokens.accessToken(keycloakUrl + "/realms/master", "admin-cli",
                LocalKeycloak.BOOTSTRAP_ADMIN, LocalKeycloak.BOOTSTRAP_PASSWORD);
        String clients = keycloakUrl + "/admin/realms/" + realm + "/clients";
        JsonNode found = send(HttpRequest.newBuilder(URI.create(clients + "?clientId="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8))).GET(), token);
        if (!found.isArray() || found.isEmpty()) {
            throw new IllegalStateException("No client " + clientId + " in realm " + realm + " at " + keycloakUrl);
        }
        ObjectNode client = (ObjectNode) found.get(0);
        String pages = appUrl + "/admin/*";
        boolean changed = add(client, "redirectUris", pages) | add(client, "webOrigins", appUrl);
        ObjectNode attributes = client.has("attributes") ? (ObjectNode) client.get("attributes") : client.putObject("attributes");
        Set<String> logout = new LinkedHashSet<>();
        String current = attributes.path(POST_LOGOUT).asText("");
        if (!current.isBlank()) {
            logout.addAll(List.of(current.split("##")));
        }
        changed |= logout.add(pages);
        if (!changed) {
            return;
        }
        attributes.put(POST_LOGOUT, String.join("##", logout));
        send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asText()))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(client.toString())), token);
    }

    private static boolean add(ObjectNode client, String field, String value) {
        ArrayNode values = client.has(field) ? (ArrayNode) client.get(field) : client.putArray(field);
        for (JsonNode existing : values) {
            if (existing.asText().equals(value)) {
                return false;
            }
        }
        values.add(value);
        return true;
    }

    private static JsonNode send(HttpRequest.Builder request, String token) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(built.method() + " " + built.uri() + ": HTTP " + response.statusCode()
                        + " " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + built.uri(), e);
        }
    }
}
