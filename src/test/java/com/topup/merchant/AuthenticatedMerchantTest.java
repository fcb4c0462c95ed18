package com.topup.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuthenticatedMerchantTest {

    private static AuthenticatedMerchant at(int rateBp) {
        return new AuthenticatedMerchant(1, "m", rateBp, "STANDARD", new byte[0]);
    }

    @Test
    void priceIsRateOfFaceValueInWholeFen() {
        assertEquals(9_850, at(9_850).priceFor(10_000));
        assertEquals(985, at(9_850).priceFor(1_000));
    }

    @Test
    void priceRoundsHalfUp() {
        assertEquals(1, at(5_000).priceFor(1));      // 0.5 fen -> 1
        assertEquals(0, at(4_999).priceFor(1));      // 0.4999 fen -> 0
        assertEquals(29_555, at(9_851).priceFor(30_002)); // 29554.9702 fen
    }
}
