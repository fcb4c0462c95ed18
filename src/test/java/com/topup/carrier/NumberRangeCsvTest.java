package com.topup.carrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberRangeCsvTest {

    @Test
    void readsGoodLinesAndReportsEveryBadOneWithItsLineNumber() {
        String csv = """
                prefix,carrier,province,city
                1920100,CHINA_BROADNET,广东,广州
                192010,CHINA_BROADNET,广东,广州
                2920100,CHINA_BROADNET,广东,广州

                1660200,CHINA_UNICOM,广东省,广州市
                1990000,CHINA_SATELLITE,广东,广州
                1990100,CHINA_TELECOM,,上海
                1980000,CHINA_MOBILE
                1980100,CHINA_MOBILE,浙江,杭州,extra
                1920100,CHINA_MOBILE,北京,北京
                1990200 , CHINA_TELECOM , 湖北 ,
                just some words
                """;

        ParsedNumberRanges parsed = NumberRangeCsv.parse(csv);

        assertEquals(List.of(
                new NumberRange("1920100", Carrier.CHINA_BROADNET, "广东", "广州"),
                new NumberRange("1660200", Carrier.CHINA_UNICOM, "广东", "广州"),
                new NumberRange("1980000", Carrier.CHINA_MOBILE, null, null),
                new NumberRange("1990200", Carrier.CHINA_TELECOM, "湖北", null)), parsed.ranges());
        assertEquals(List.of(3, 4, 7, 8, 10, 11, 13), parsed.rejected().stream().map(RejectedLine::line).toList());
        assertEquals("prefix '192010' must be 7 digits starting with 1", parsed.rejected().get(0).reason());
        assertTrue(parsed.rejected().get(2).reason().contains("CHINA_SATELLITE"), parsed.rejected().get(2).reason());
        assertEquals("city '上海' given without a province", parsed.rejected().get(3).reason());
        assertEquals("expected 2 to 4 fields (prefix,carrier,province,city), found 5",
                parsed.rejected().get(4).reason());
        assertEquals("prefix 1920100 already given on line 2", parsed.rejected().get(5).reason());
    }

    @Test
    void acceptsWindowsLineEndingsAndByteOrderMark() {
        ParsedNumberRanges parsed = NumberRangeCsv.parse(
                "\uFEFFprefix,carrier,province,city\r\n1920000,CHINA_BROADNET,北京,北京\r\n");

        assertEquals(List.of(new NumberRange("1920000", Carrier.CHINA_BROADNET, "北京", "北京")), parsed.ranges());
        assertEquals(List.of(), parsed.rejected());
    }

    @Test
    void refusesTextWithoutTheHeader() {
        ParsedNumberRanges parsed = NumberRangeCsv.parse("1920000,CHINA_BROADNET,北京,北京\n");

        assertEquals(List.of(), parsed.ranges());
        assertEquals(List.of(new RejectedLine(1, "the first line must be the header prefix,carrier,province,city")),
                parsed.rejected());
    }

    @Test
    void readsNothingFromEmptyText() {
        assertEquals(1, NumberRangeCsv.parse("").rejected().size());
        assertEquals(new ParsedNumberRanges(List.of(), List.of()), NumberRangeCsv.parse(NumberRangeCsv.HEADER));
    }

    @Test
    void seedFileIsClean() throws IOException {
        String seed;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(NumberRangeSeeder.SEED_RESOURCE)) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        ParsedNumberRanges parsed = NumberRangeCsv.parse(seed);

        assertEquals(List.of(), parsed.rejected());
        assertTrue(parsed.ranges().size() >= 10, "seed rows: " + parsed.ranges().size());
        assertTrue(parsed.ranges().stream().allMatch(range -> range.province() != null));
    }
}
