package com.topup.instruction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.instruction.reading.InstructionInterpreter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every labelled instruction of the corpus is read exactly: the same items in order, the same problems and spans. */
class InstructionCorpusTest {

    @Test
    void everyCorpusCaseIsReadExactly() {
        List<InstructionCorpus.Case> cases = InstructionCorpus.load();
        assertTrue(cases.size() >= 300, "the corpus holds at least 300 instructions, has " + cases.size());
        InstructionInterpreter interpreter = InstructionCorpus.interpreter();
        InstructionPricer pricer = InstructionCorpus.pricer();
        List<String> wrong = new ArrayList<>();
        for (InstructionCorpus.Case c : cases) {
            String mismatch = InstructionCorpus.mismatch(c, pricer.price(interpreter.read(c.text()), InstructionCorpus::price));
            if (mismatch != null) {
                wrong.add(mismatch);
            }
        }
        assertEquals(List.of(), wrong, wrong.size() + " of " + cases.size() + " corpus cases read wrongly");
    }

    @Test
    void corpusCoversBothLanguagesAndEveryProblemCode() {
        List<InstructionCorpus.Case> cases = InstructionCorpus.load();
        assertTrue(cases.stream().filter(c -> c.text().matches("(?s).*[\\u4e00-\\u9fff].*")).count() >= 150);
        assertTrue(cases.stream().filter(c -> c.text().matches("(?is).*\\b(top|recharge|add|send|put)\\b.*")).count() >= 60);
        for (String code : List.of("NO_PHONE", "NO_AMOUNT", "INVALID_PHONE", "UNSUPPORTED_CARRIER", "UNSUPPORTED_FACE_VALUE",
                "AMBIGUOUS")) {
            assertTrue(cases.stream().anyMatch(c -> c.problems().stream().anyMatch(p -> p.code().equals(code))), code);
        }
    }
}
