package com.topup.instruction.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reading alone (no carrier, no catalogue): what is proposed and what is reported, with exact spans in UTF-16
 * code units. Expected: "phone=fen@start-end" for proposals (the number's span), "CODE@start-end" for problems,
 * separated by spaces, proposals first.
 */
class DeterministicInterpreterTest {

    private final InstructionInterpreter interpreter = new DeterministicInterpreter();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // one number, amounts in every form
            "给13800138000充100元                   | 13800138000=10000@1-12",
            "13800138000充100块钱                   | 13800138000=10000@0-11",
            "13800138000充一百块钱                  | 13800138000=10000@0-11",
            "13800138000充两百                      | 13800138000=20000@0-11",
            "13800138000充五十                      | 13800138000=5000@0-11",
            "13800138000充1百                       | 13800138000=10000@0-11",
            "13800138000充100块                     | 13800138000=10000@0-11",
            "13800138000充¥100                      | 13800138000=10000@0-11",
            "13800138000充100元                     | 13800138000=10000@0-11",
            "top up 13800138000 with 100 yuan      | 13800138000=10000@7-18",
            "top up 13800138000 with CNY 100       | 13800138000=10000@7-18",
            "top up 13800138000 with RMB100        | 13800138000=10000@7-18",
            "top up 13800138000 with 30.00 yuan    | 13800138000=3000@7-18",
            "top up 13800138000 with 0.5 yuan      | 13800138000=50@7-18",
            // numbers written with spaces, dashes, +86, 0086, full-width digits
            "138 0013 8000充50                      | 13800138000=5000@0-13",
            "138-0013-8000充50                      | 13800138000=5000@0-13",
            "+86 138 0013 8000充50                  | 13800138000=5000@0-17",
            "+86-13800138000充50                    | 13800138000=5000@0-15",
            "0086 13800138000充50                   | 13800138000=5000@0-16",
            "＋８６１３８００１３８０００充５０元             | 13800138000=5000@0-14",
            "（+86）13800138000充50                  | 13800138000=5000@0-16",
            "一三八零零一三八零零零充五十                   | 13800138000=5000@0-11",
            // several numbers and amounts
            "给13800138000和13912345678各充50         | 13800138000=5000@1-12 13912345678=5000@13-24",
            "13800138000充100，13912345678充50        | 13800138000=10000@0-11 13912345678=5000@16-27",
            "top up 50 each to 13800138000 and 13912345678 | 13800138000=5000@18-29 13912345678=5000@34-45",
            "13800138000和13912345678分别充100和50     | 13800138000=10000@0-11 13912345678=5000@12-23",
            // what is reported instead of guessed: spans in UTF-16 code units (an emoji is two)
            "😀给13800138000和13912345678充50          | AMBIGUOUS@3-29",
            "𠀀𠀀13800138000充50和100                  | AMBIGUOUS@4-22",
            "给13800138000                          | NO_AMOUNT@1-12",
            "充100元                                | NO_PHONE@1-5",
            "给1380013800充100                      | INVALID_PHONE@1-11",
            "给13800138000充100，😀13912345678        | 13800138000=10000@1-12 NO_AMOUNT@19-30",
            "给13800138000充50美元                    | NO_AMOUNT@1-12",
            "hello | NO_PHONE@0-5",
    })
    void readsWhatTheTextSays(String text, String expected) {
        assertEquals(expected.strip(), describe(interpreter.read(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"各位好", "给它充一下", "iPhone15", "第3个", "5G", "百分之百", "千万", "2 numbers", "room 302"})
    void fillerIsNoAmount(String text) {
        Reading reading = interpreter.read(text);
        assertEquals(List.of(), reading.proposals());
        assertEquals(1, reading.problems().size());
        assertEquals(Problem.NO_PHONE, reading.problems().get(0).code());
    }

    private static String describe(Reading reading) {
        List<String> parts = new ArrayList<>();
        reading.proposals().forEach(p -> parts.add(p.phone() + "=" + p.faceValue() + "@" + p.phoneSpan().start() + "-"
                + p.phoneSpan().end()));
        reading.problems().forEach(p -> parts.add(p.code() + "@" + p.span().start() + "-" + p.span().end()));
        return String.join(" ", parts);
    }
}
