package com.topup.instruction.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseNumeralsTest {

    @ParameterizedTest
    @CsvSource({
            "十, 10", "十五, 15", "二十, 20", "五十, 50", "九十九, 99", "一百, 100", "两百, 200", "二百, 200",
            "一百五, 150", "一百五十, 150", "一百零五, 105", "两百五, 250", "三百, 300", "五百, 500", "一千, 1000",
            "一千二, 1200", "一千零二十, 1020", "一万, 10000", "一万五, 15000", "十万, 100000", "壹佰, 100", "伍拾, 50",
            "贰佰, 200", "叁拾, 30", "伍佰, 500", "1百, 100", "2百, 200", "5千, 5000", "10万, 100000", "１百, 100",
            "五, 5", "两, 2", "零, 0",
    })
    void readsAmountsAsPeopleWriteThem(String text, long value) {
        assertEquals(value, ChineseNumerals.parse(text, 0, text.length()));
    }

    @ParameterizedTest
    @CsvSource({"五五", "百十", "十百", "一二三", "5五"})
    void refusesWhatIsNoNumber(String text) {
        assertEquals(-1, ChineseNumerals.parse(text, 0, text.length()));
    }
}
