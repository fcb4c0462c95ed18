package com.topup.rules.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.rules.CompilationResult;
import com.topup.rules.DrlCompiler;
import com.topup.rules.RuleVocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every hostile text of the corpus is refused by validation with a position on its hostile part; every legitimate
 * rule (seed rules, the authoring guide's examples, the benchmarks' policies, sandbox/legit) passes the sandbox and
 * compiles. Prints the corpus figures and the validation time of the seed rules.
 */
class SandboxCorpusTest {

    @Test
    void everyHostileTextIsRefusedWhereItIsHostile() throws Exception {
        List<RuleCorpus.Case> hostile = RuleCorpus.hostile();
        List<String> accepted = new ArrayList<>();
        List<String> misplaced = new ArrayList<>();
        for (RuleCorpus.Case c : hostile) {
            SandboxResult result = RuleVocabulary.sandbox(c.ruleSet()).check(c.drl());
            if (result.accepted()) {
                accepted.add(c.name());
            } else if (result.problems().stream().noneMatch(p -> p.line() >= c.firstLine() && p.line() <= c.lastLine()
                    && p.column() >= 1)) {
                misplaced.add(c.name() + " " + result.problems());
            }
        }
        System.out.printf("SANDBOX CORPUS: %d hostile texts, %d refused by validation, %d accepted%n", hostile.size(),
                hostile.size() - accepted.size(), accepted.size());
        assertTrue(hostile.size() >= 300, "the hostile corpus has at least 300 texts");
        assertEquals(List.of(), accepted, "hostile texts the sandbox accepted");
        assertEquals(List.of(), misplaced, "refusals not placed on the hostile part");
    }

    @Test
    void everyLegitimateRulePassesAndCompiles() throws Exception {
        List<RuleCorpus.Case> legit = RuleCorpus.legitimate();
        List<String> refused = new ArrayList<>();
        try (DrlCompiler compiler = new DrlCompiler(RuleVocabulary::sandbox, 1, 120_000)) {
            for (RuleCorpus.Case c : legit) {
                CompilationResult result = compiler.compileHere(c.ruleSet(), c.drl());
                if (!result.succeeded()) {
                    refused.add(c.name() + " " + result.errors());
                }
            }
        }
        System.out.printf("SANDBOX CORPUS: %d legitimate rule texts, %d accepted and compiled%n", legit.size(),
                legit.size() - refused.size());
        assertTrue(legit.size() >= 10, "the legitimate corpus has the seed rules, the guide's examples and the policies");
        assertEquals(List.of(), refused);
    }

    @Test
    void validationOfTheSeedRulesIsCheap() throws Exception {
        for (String set : List.of("routing", "fallback", "repair")) {
            String seed = RuleCorpus.seed(set);
            DrlSandbox sandbox = RuleVocabulary.sandbox(set);
            for (int i = 0; i < 30; i++) {
                assertTrue(sandbox.check(seed).accepted());
            }
            long[] micros = new long[50];
            for (int i = 0; i < micros.length; i++) {
                long start = System.nanoTime();
                sandbox.check(seed);
                micros[i] = (System.nanoTime() - start) / 1_000;
            }
            Arrays.sort(micros);
            System.out.printf("SANDBOX CORPUS: validation of seed %s.drl: median %d µs, max %d µs (warm, %d runs)%n", set,
                    micros[micros.length / 2], micros[micros.length - 1], micros.length);
            assertTrue(micros[micros.length / 2] < 200_000, "validation of a seed text takes well under 200 ms");
        }
    }
}
