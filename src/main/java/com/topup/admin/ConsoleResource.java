package com.topup.admin;

import com.topup.web.ApiException;
import com.topup.web.ErrorBody;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** What the console needs before anyone has logged in: where to log in. Public; it names no secret. */
@Path("/admin/api/console/config")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleResource {

    private static final String REALMS = "/realms/";

    private final ConsoleConfig config;
    private final String authServerUrl;

    public ConsoleResource(ConsoleConfig config, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.config = config;
        this.authServerUrl = authServerUrl;
    }

    @GET
    @PermitAll
    @APIResponse(responseCode = "200", description = "Where the console logs in.")
    @APIResponse(responseCode = "406", description = "NOT_ACCEPTABLE: the answer is application/json only.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public LoginSettings settings() {
        String realmUrl = config.realmUrl().orElse(authServerUrl).replaceAll("/+$", "");
        int at = realmUrl.lastIndexOf(REALMS);
        if (at < 0) {
            throw new ApiException(500, "CONSOLE_NOT_CONFIGURED",
                    "The Keycloak realm URL must look like https://host/realms/NAME: " + realmUrl);
        }
        return new LoginSettings(realmUrl.substring(0, at), realmUrl.substring(at + REALMS.length()), config.clientId());
    }

    /** keycloak-js settings: server URL, realm and public client. */
    public record LoginSettings(String keycloakUrl, String realm, String clientId) {
    }
}
