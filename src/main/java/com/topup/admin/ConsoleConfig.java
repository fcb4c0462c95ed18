package com.topup.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where the console (served at /admin/) sends people to log in. */
@ConfigMapping(prefix = "topup.console")
public interface ConsoleConfig {

    /**
     * The Keycloak realm URL the browser logs in at; by default the one the app verifies tokens with
     * ({@code quarkus.oidc.auth-server-url}). Set it when browsers reach Keycloak at another address than the app.
     */
    Optional<String> realmUrl();

    /** The public Keycloak client of the console (authorization code + PKCE). */
    @WithDefault("topup-console")
    String clientId();
}
