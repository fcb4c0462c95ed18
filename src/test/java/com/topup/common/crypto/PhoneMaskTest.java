package com.topup.common.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneMaskTest {

    @ParameterizedTest
    @CsvSource({
            "13800138000, 138****8000",
            "19212345678, 192****5678",
            "1380013800012, 138****0012",
            "91234567, ******67",
            "1234567890, ********90",
            "123, *23",
            "12, *2",
            "7, *",
    })
    void masks(String number, String masked) {
        assertEquals(masked, PhoneMask.mask(number));
    }

    @Test
    void keepsNullAndEmpty() {
        assertNull(PhoneMask.mask(null));
        assertEquals("", PhoneMask.mask(""));
    }
}
