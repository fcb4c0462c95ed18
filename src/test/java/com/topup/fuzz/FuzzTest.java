package com.topup.fuzz;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing of every outside surface, a few hundred inputs each (`bin/bench fuzz` sends 10,000 each):
 * the merchant API signed and unsigned, both callback protocols, the staff API's bodies. A failing input is shrunk
 * and named in the failure.
 */
@QuarkusTest
class FuzzTest {

    private static final int EXAMPLES = Integer.getInteger("topup.fuzz.examples", 200);
    private static final long SEED = Long.getLong("topup.fuzz.seed", 20261130L);

    @TestHTTPResource("/")
    URL app;

    @ConfigProperty(name = "topup.test.keycloak-url")
    String keycloakUrl;

    @Inject
    AgroalDataSource dataSource;

    private Connection db;
    private FuzzProperties properties;

    @BeforeEach
    void setUp() throws Exception {
        String appUrl = app.toString().replaceAll("/$", "");
        FuzzSetup.openMerchant(appUrl, realm());
        db = dataSource.getConnection();
        properties = FuzzSetup.properties(appUrl, db, SEED, EXAMPLES);
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    private String realm() {
        return keycloakUrl + "/realms/topup";
    }

    @Test
    void ordersThatBreakTheContractAreRefusedAndChargeNothing() {
        System.out.println("FUZZ " + properties.invalidOrders());
    }

    @Test
    void brokenAuthenticationIsRefusedAndChargesNothing() {
        System.out.println("FUZZ " + properties.badlySigned());
    }

    @Test
    void anyMerchantInputIsAnsweredWithoutAServerError() {
        System.out.println("FUZZ " + properties.merchantGarbage());
    }

    @Test
    void supplierCallbacksOfAnyShapeAreRefusedCleanly() {
        CallbackInputs callbacks = FuzzSetup.callbacks();
        System.out.println("FUZZ " + properties.callbacks("callbacks: json-hmac", callbacks.jsonHmac()));
        System.out.println("FUZZ " + properties.callbacks("callbacks: form-md5", callbacks.formMd5()));
    }

    @Test
    void staffBodiesOfAnyShapeNeverCauseAServerErrorOrAHalfWrite() {
        System.out.println("FUZZ " + properties.staff(new StaffInputs(realm(), FuzzSetup.MERCHANT)));
    }
}
