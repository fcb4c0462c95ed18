package com.topup.carrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.topup.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneResolverTest {

    private static final UnaryOperator<String> HASH = e164 -> "hash:" + e164;
    private static final PhoneResolver RESOLVER =
            new PhoneResolver(Set.of("162", "165", "167", "170", "171"), HASH);

    /** Expectations are what libphonenumber's own data says about these numbers. */
    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "13800138000, CHINA_MOBILE,   北京, 北京",
            "13912345678, CHINA_MOBILE,   江苏, 常州",
            "18612345678, CHINA_UNICOM,   北京, 北京",
            "15612345678, CHINA_UNICOM,   河北, 张家口",
            "18912345678, CHINA_TELECOM,  江苏, 常州",
            "13312345678, CHINA_TELECOM,  贵州, 遵义",
            "17612345678, CHINA_UNICOM,   重庆, 重庆",
            "19212345678, CHINA_BROADNET, null, null",
            "16612345678, CHINA_UNICOM,   null, null",
            "19912345678, CHINA_TELECOM,  null, null",
            "19812345678, CHINA_MOBILE,   null, null",
    })
    void resolvesTypicalNumbersOfEachCarrier(String phone, Carrier carrier, String province, String city) {
        PhoneLookup lookup = RESOLVER.resolve(phone, LookupTables.EMPTY);

        assertEquals(new PhoneLookup("+86" + phone, phone, "CN", carrier, province, city), lookup);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+8613800138000", "+86 138 0013 8000", "138-0013-8000", " 13800138000 ", "008613800138000"})
    void acceptsE164AndTolerantNationalForms(String phone) {
        PhoneLookup lookup = RESOLVER.resolve(phone, LookupTables.EMPTY);

        assertEquals("+8613800138000", lookup.e164());
        assertEquals("13800138000", lookup.nationalNumber());
        assertEquals("138****8000", lookup.masked());
        assertEquals(Carrier.CHINA_MOBILE, lookup.carrier());
    }

    @ParameterizedTest
    @ValueSource(strings = {"02012345678", "010-88888888", "+861088888888"})
    void refusesFixedLineNumbers(String phone) {
        assertError("INVALID_PHONE", phone);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "   ", "10086", "1380013800", "138001380001", "13800138000abc", "+86 138 0013 8000 ext 1",
            "1380013800０", "tel:+8613800138000", "+", "13800138000;", "1 3 8 0 0 1 3 8 0 0 0 - - - - - - - - - - - -"})
    void refusesGarbage(String phone) {
        assertError("INVALID_PHONE", phone);
    }

    @Test
    void refusesInputLongerThan32Characters() {
        String padded = "138 0013 8000" + " ".repeat(PhoneResolver.MAX_INPUT_LENGTH);
        assertError("INVALID_PHONE", padded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+447911123456", "+85291234567", "+14155552671"})
    void refusesForeignMobileNumbersAsUnsupportedCarrier(String phone) {
        ApiException e = assertError("UNSUPPORTED_CARRIER", phone);
        assertEquals(422, e.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"17012345678", "17112345678", "16712345678", "16212345678", "16512345678"})
    void refusesVirtualOperatorNumbers(String phone) {
        assertError("UNSUPPORTED_CARRIER", phone);
    }

    @Test
    void rangeTableOverridesProvinceOfANewerPrefix() {
        LookupTables tables = LookupTables.of(
                List.of(new NumberRange("1920100", Carrier.CHINA_BROADNET, "广东", "广州")), Map.of());

        PhoneLookup lookup = RESOLVER.resolve("19201001234", tables);

        assertEquals(Carrier.CHINA_BROADNET, lookup.carrier());
        assertEquals("广东", lookup.province());
        assertEquals("广州", lookup.city());
    }

    @Test
    void rangeTableOverridesLibphonenumberCarrier() {
        LookupTables tables = LookupTables.of(
                List.of(new NumberRange("1380013", Carrier.CHINA_TELECOM, "广东", null)), Map.of());

        PhoneLookup lookup = RESOLVER.resolve("13800138000", tables);

        assertEquals(Carrier.CHINA_TELECOM, lookup.carrier());
        assertEquals("广东", lookup.province());
        assertNull(lookup.city());
    }

    @Test
    void rangeWithoutProvinceKeepsGeocoderRegion() {
        LookupTables tables = LookupTables.of(
                List.of(new NumberRange("1380013", Carrier.CHINA_UNICOM, null, null)), Map.of());

        PhoneLookup lookup = RESOLVER.resolve("13800138000", tables);

        assertEquals(Carrier.CHINA_UNICOM, lookup.carrier());
        assertEquals("北京", lookup.province());
    }

    @Test
    void portabilityOverrideWinsOverRangeAndLibphonenumber() {
        LookupTables tables = LookupTables.of(
                List.of(new NumberRange("1380013", Carrier.CHINA_TELECOM, "广东", "深圳")),
                Map.of("hash:+8613800138000", Carrier.CHINA_UNICOM));

        PhoneLookup ported = RESOLVER.resolve("13800138000", tables);
        PhoneLookup neighbour = RESOLVER.resolve("13800138001", tables);

        assertEquals(Carrier.CHINA_UNICOM, ported.carrier());
        assertEquals("广东", ported.province());
        assertEquals("深圳", ported.city());
        assertEquals(Carrier.CHINA_TELECOM, neighbour.carrier());
    }

    @Test
    void overridesCanClaimVirtualOperatorNumbers() {
        LookupTables tables = LookupTables.of(
                List.of(new NumberRange("1700123", Carrier.CHINA_TELECOM, "上海", "上海")),
                Map.of("hash:+8617112345678", Carrier.CHINA_MOBILE));

        assertEquals(Carrier.CHINA_TELECOM, RESOLVER.resolve("17001234567", tables).carrier());
        assertEquals(Carrier.CHINA_MOBILE, RESOLVER.resolve("17112345678", tables).carrier());
    }

    @Test
    void parseMobileNormalisesWithoutCarrier() {
        assertEquals(new MobileNumber("+8617012345678", "17012345678", "CN"), RESOLVER.parseMobile("170 1234 5678"));
        assertEquals(new MobileNumber("+447911123456", "7911123456", "GG"), RESOLVER.parseMobile("+447911123456"));
    }

    private static ApiException assertError(String code, String phone) {
        ApiException e = assertThrows(ApiException.class, () -> RESOLVER.resolve(phone, LookupTables.EMPTY), phone);
        assertEquals(code, e.code(), phone);
        assertEquals(422, e.status());
        return e;
    }
}
