package com.topup.fuzz;

import com.topup.devenv.KeycloakTokens;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generated bodies for the staff API's writes, each sent as a user the endpoint admits, so the body itself is what is
 * judged. Targets are chosen so that no generated body can do harm to other work: the fuzz merchant, unknown orders
 * and anomalies, a channel code of its own, rule drafts that never pass review.
 */
final class StaffInputs {

    record Endpoint(String user, String method, String path, List<String> fields) {
    }

    private record Token(String value, long fetchedAt) {
    }

    private final String realmUrl;
    private final List<Endpoint> endpoints;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    StaffInputs(String realmUrl, String merchant) {
        this.realmUrl = realmUrl;
        this.endpoints = List.of(
                new Endpoint("admin", "POST", "/admin/api/merchants/" + merchant + "/credits", List.of("amount", "note")),
                new Endpoint("admin", "POST", "/admin/api/merchants", List.of("code", "name", "secret", "priceRateBp", "openingBalance")),
                new Endpoint("admin", "PUT", "/admin/api/channels/fuzz-channel", List.of("name", "protocol", "baseUrl", "secret",
                        "carriers", "provinces", "faceValues", "costRateBp", "capacity", "dailyQuota", "timeoutMs",
                        "expectedCompletionMs", "enabled")),
                new Endpoint("analyst", "POST", "/admin/api/rulesets/routing/validate", List.of("drl")),
                new Endpoint("analyst", "POST", "/admin/api/rulesets/routing/versions", List.of("drl", "comment", "baseVersion")),
                new Endpoint("analyst", "POST", "/admin/api/rulesets/routing/simulate", List.of("drl", "version", "order", "channels", "failure")),
                new Endpoint("operator", "POST", "/admin/api/orders/T-NO-SUCH-ORDER/actions/refund", List.of("reason", "actionId")),
                new Endpoint("operator", "POST", "/admin/api/orders/T-NO-SUCH-ORDER/actions/retry",
                        List.of("reason", "actionId", "excludeChannels")),
                new Endpoint("operator", "POST", "/admin/api/anomalies/999999999/resolve", List.of("resolution", "reason")),
                new Endpoint("operator", "POST", "/admin/api/actions/no-such-action/confirm", List.of("reason")),
                new Endpoint("operator", "POST", "/admin/api/reconciliation/runs", List.of("channel", "date")));
    }

    List<Endpoint> endpoints() {
        return endpoints;
    }

    /** A body of any shape, mostly over the endpoint's own field names, for any of the endpoints. */
    Gen<FuzzRequest> bodies() {
        return Generate.pick(endpoints).flatMap(endpoint -> Generate.oneOf(JsonValues.objectOver(endpoint.fields()),
                JsonValues.any(2)).map(body -> new FuzzRequest(endpoint.method(), endpoint.path(),
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token(endpoint.user())),
                body.getBytes(StandardCharsets.UTF_8), "as " + endpoint.user())));
    }

    static String userOf(FuzzRequest request) {
        return request.what().substring("as ".length());
    }

    private String token(String user) {
        Token token = tokens.get(user);
        if (token == null || System.currentTimeMillis() - token.fetchedAt() > 60_000) {
            token = new Token(KeycloakTokens.accessToken(realmUrl, "topup-cli", user, user), System.currentTimeMillis());
            tokens.put(user, token);
        }
        return token.value();
    }
}
