package com.topup.fuzz;

import com.topup.devenv.KeycloakTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;

/** A merchant of the fuzz run's own, so nothing else changes what the run checks is unchanged. */
final class FuzzSetup {

    static final String MERCHANT = "fuzz-merchant";
    static final String SECRET = "fuzz-merchant-secret";
    static final String JSON_CHANNEL = "sim-fast";
    static final String JSON_SECRET = "sim-fast-secret-0c1d";
    static final String FORM_CHANNEL = "sim-cheap";
    static final String FORM_SECRET = "sim-cheap-secret-7f3a";

    private FuzzSetup() {
    }

    /** Opens the fuzz merchant (a repeat finds it open) with room for any order a generated input gets accepted. */
    static void openMerchant(String appUrl, String realmUrl) {
        String token = KeycloakTokens.accessToken(realmUrl, "topup-cli", "admin", "admin");
        String body = "{\"code\":\"" + MERCHANT + "\",\"name\":\"Fuzz merchant\",\"secret\":\"" + SECRET
                + "\",\"openingBalance\":1000000000,\"note\":\"fuzz run\"}";
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(appUrl + "/admin/api/merchants"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201 && answer.statusCode() != 409) {
                throw new IllegalStateException("Cannot open the fuzz merchant: " + answer.statusCode() + " " + answer.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static FuzzProperties properties(String appUrl, Connection db, long seed, int examples) {
        return new FuzzProperties(new FuzzClient(appUrl), new StateProbe(db, MERCHANT), new MerchantInputs(MERCHANT, SECRET),
                seed, examples);
    }

    static CallbackInputs callbacks() {
        return new CallbackInputs(JSON_CHANNEL, JSON_SECRET, FORM_CHANNEL, FORM_SECRET);
    }
}
