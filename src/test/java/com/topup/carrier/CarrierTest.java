package com.topup.carrier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CarrierTest {

    @ParameterizedTest
    @CsvSource({
            "China Mobile, CHINA_MOBILE",
            "中国移动, CHINA_MOBILE",
            "China Unicom, CHINA_UNICOM",
            "中国联通, CHINA_UNICOM",
            "China Telecom, CHINA_TELECOM",
            "中国电信, CHINA_TELECOM",
            "CBN, CHINA_BROADNET",
            "中国广电, CHINA_BROADNET",
    })
    void mapsLibphonenumberNames(String name, Carrier carrier) {
        assertEquals(Optional.of(carrier), Carrier.fromLibphonenumberName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "JT", "3", "Vodafone"})
    void ignoresOtherCarriers(String name) {
        assertEquals(Optional.empty(), Carrier.fromLibphonenumberName(name));
    }
}
