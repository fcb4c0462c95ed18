package com.topup.carrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProductOffersTest {

    private final ProductOffers offers = ProductOffers.of(List.of(
            new ProductOffer(Carrier.CHINA_MOBILE, 10000),
            new ProductOffer(Carrier.CHINA_MOBILE, 1000),
            new ProductOffer(Carrier.CHINA_MOBILE, 5000),
            new ProductOffer(Carrier.CHINA_UNICOM, 2000)));

    @Test
    void listsFaceValuesAscending() {
        assertEquals(List.of(1000L, 5000L, 10000L), offers.faceValues(Carrier.CHINA_MOBILE));
        assertEquals(List.of(2000L), offers.faceValues(Carrier.CHINA_UNICOM));
        assertEquals(List.of(), offers.faceValues(Carrier.CHINA_BROADNET));
    }

    @Test
    void knowsWhatEachCarrierOffers() {
        assertTrue(offers.offers(Carrier.CHINA_MOBILE, 5000));
        assertFalse(offers.offers(Carrier.CHINA_MOBILE, 2000));
        assertFalse(offers.offers(Carrier.CHINA_TELECOM, 1000));
        assertFalse(ProductOffers.NONE.offers(Carrier.CHINA_MOBILE, 1000));
    }
}
