package com.topup.carrier;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.topup.audit.Actor;
import com.topup.support.MerchantApi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CarrierLookupApiTest {

    @Inject
    NumberRangeImporter importer;
    @Inject
    PortabilityService portability;

    private final MerchantApi api = MerchantApi.demo();

    @Test
    void looksUpCarrierRegionAndFaceValues() {
        api.get("/api/v1/carriers/lookup?phone=13912345678").then().statusCode(200)
                .body("phone", equalTo("139****5678"))
                .body("country", equalTo("CN"))
                .body("carrier", equalTo("CHINA_MOBILE"))
                .body("province", equalTo("江苏"))
                .body("city", equalTo("常州"))
                .body("faceValues", contains(1000, 2000, 3000, 5000, 10000, 20000, 30000, 50000));
    }

    @Test
    void invalidNumbersAreRefused() {
        api.get("/api/v1/carriers/lookup?phone=12345").then().statusCode(422).body("code", equalTo("INVALID_PHONE"));
        api.get("/api/v1/carriers/lookup").then().statusCode(422).body("code", equalTo("INVALID_PHONE"));
    }

    @Test
    void importedRangeOverridesTheLibraryRegion() {
        importer.importCsv("prefix,carrier,province,city\n1925555,CHINA_BROADNET,四川,成都\n", Actor.PLATFORM);
        api.get("/api/v1/carriers/lookup?phone=19255551234").then().statusCode(200)
                .body("carrier", equalTo("CHINA_BROADNET"))
                .body("province", equalTo("四川"))
                .body("city", equalTo("成都"));
    }

    @Test
    void portabilityOverrideMovesTheNumberToItsNewCarrier() {
        portability.setOverride("13512345678", Carrier.CHINA_TELECOM, Actor.PLATFORM);
        api.get("/api/v1/carriers/lookup?phone=13512345678").then().statusCode(200)
                .body("carrier", equalTo("CHINA_TELECOM"));
        portability.removeOverride("13512345678", Actor.PLATFORM);
        api.get("/api/v1/carriers/lookup?phone=13512345678").then().statusCode(200)
                .body("carrier", equalTo("CHINA_MOBILE"));
    }
}
