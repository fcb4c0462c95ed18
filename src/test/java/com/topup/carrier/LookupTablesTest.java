package com.topup.carrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LookupTablesTest {

    private static final NumberRange GUANGZHOU = new NumberRange("1920100", Carrier.CHINA_BROADNET, "广东", "广州");
    private static final NumberRange SHENZHEN = new NumberRange("1920200", Carrier.CHINA_BROADNET, "广东", "深圳");

    @Test
    void patchesRangesWithoutTouchingTheOriginal() {
        LookupTables before = LookupTables.of(List.of(GUANGZHOU), Map.of());
        NumberRange moved = new NumberRange("1920100", Carrier.CHINA_MOBILE, "广东", "佛山");

        LookupTables after = before.withRanges(List.of(moved, SHENZHEN));

        assertEquals(Map.of("1920100", GUANGZHOU), before.rangesByPrefix());
        assertEquals(Map.of("1920100", moved, "1920200", SHENZHEN), after.rangesByPrefix());
    }

    @Test
    void setsAndRemovesPortabilityOverrides() {
        LookupTables ported = LookupTables.EMPTY.withPortability("h1", Carrier.CHINA_UNICOM);

        assertEquals(Map.of("h1", Carrier.CHINA_UNICOM), ported.carrierByPhoneHash());
        assertEquals(Map.of(), ported.withPortability("h1", null).carrierByPhoneHash());
        assertEquals(Map.of(), LookupTables.EMPTY.carrierByPhoneHash());
    }

    @Test
    void isImmutable() {
        LookupTables tables = LookupTables.of(List.of(GUANGZHOU), Map.of("h1", Carrier.CHINA_UNICOM));

        assertThrows(UnsupportedOperationException.class, () -> tables.rangesByPrefix().clear());
        assertThrows(UnsupportedOperationException.class, () -> tables.carrierByPhoneHash().clear());
    }
}
