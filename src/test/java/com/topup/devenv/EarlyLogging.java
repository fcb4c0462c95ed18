package com.topup.devenv;

/**
 * Sets logging up on the calling thread before services start in parallel: a Keycloak start's HTTP client and
 * PostgreSQL's first logger would otherwise initialise JUL and the JBoss log context at the same time, and the two
 * class initialisations can deadlock.
 */
public final class EarlyLogging {

    private EarlyLogging() {
    }

    public static void initialise() {
        java.util.logging.LogManager.getLogManager();
        org.slf4j.LoggerFactory.getLogger(EarlyLogging.class);
    }
}
