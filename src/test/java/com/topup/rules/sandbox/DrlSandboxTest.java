package com.topup.rules.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.rules.RuleVocabulary;
import com.topup.rules.sandbox.vocab.AllowList;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mvel2.util.PropertyTools;

/**
 * Each refused case marks the offending token with {@code @@}; the marker is removed before the check and its
 * position is the line and column the problem must be reported at.
 */
class DrlSandboxTest {

    private static final DrlSandbox ROUTING = RuleVocabulary.sandbox("routing");

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("capitalised property that is a getter of Class", lhs("$c : ChannelFact( code.@@Class != null )"),
                        "'Class' is not a property of String"),
                Arguments.of("MVEL property 'class' on a fact", lhs("$c : ChannelFact( this.@@class != null )"),
                        "'class' is not a property of ChannelFact"),
                Arguments.of("enum constant's declaring class, property form",
                        lhs("$c : ChannelFact( AnomalyKind.STUCK_PROCESSING.@@DeclaringClass != null )"),
                        "'DeclaringClass' is not a property of AnomalyKind"),
                Arguments.of("a getter spelt in capitals", lhs("$c : ChannelFact( @@CODE == \"x\" )"),
                        "'CODE' is not a property of ChannelFact"),
                Arguments.of("getClass in a consequence", rhs("$c.@@getClass();"), "'getClass' is not allowed on ChannelFact"),
                Arguments.of("a field read in Java", rhs("decision.exclude($c, $c.@@code);"), "reads a field"),
                Arguments.of("String.matches in a consequence", rhs("boolean b = $c.getCode().@@matches(\"(a+)+\");"),
                        "'matches' is not allowed on String"),
                Arguments.of("System", rhs("@@System.exit(0);"), "unknown name 'System'"),
                Arguments.of("loop", rhs("@@while (true) { }"), "'while' loops are not allowed"),
                Arguments.of("new", rhs("decision.exclude($c, @@new String(\"x\"));"), "'new' is not allowed"),
                Arguments.of("insert", rhs("@@insert($c);"), "unknown function 'insert'"),
                Arguments.of("text that doubles", rhs("String s = $c.getCode(); s = s + s; s = s + s; s = s + s; s = s + s; s = @@s + s;"),
                        "text built by a rule is limited to 4096"),
                Arguments.of("catastrophic regular expression", lhs("$c : ChannelFact( code matches @@\"(a+)+b\" )"),
                        "a repeated group may not itself contain repetition"),
                Arguments.of("back-reference", lhs("$c : ChannelFact( code matches @@\"(a)\\\\1\" )"), "RE2 syntax"),
                Arguments.of("pattern not a literal", lhs("$c : ChannelFact( code matches @@$c.code )"),
                        "'matches' takes a pattern written as a literal string"),
                Arguments.of("four channel patterns", HEADER + "@@rule \"r\"\nwhen\n    $a : ChannelFact()\n    $b : ChannelFact()\n"
                        + "    $c : ChannelFact()\n    not ChannelFact()\nthen\nend\n", "at most 3 are allowed"),
                Arguments.of("declare with @typesafe(false)", HEADER + "declare @@Holder @typesafe(false)\n    v : Object\nend\n",
                        "'declare' is not allowed"),
                Arguments.of("unicode escape", rhs("@@\\u0053ystem.exit(0);"), "unicode escapes are not allowed"),
                Arguments.of("Cyrillic letter in code", rhs("@@\u0421ystem.exit(0);"), "character U+0421 is allowed only in strings"),
                Arguments.of("wrong package", "@@package com.topup.rules.repair;\n", "this rule set uses 'package com.topup.rules.routing;'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedAtItsLineAndColumn(String name, String markedDrl, String expectedMessage) {
        int marker = markedDrl.indexOf("@@");
        assertTrue(marker >= 0, "test case without @@ marker");
        String drl = markedDrl.substring(0, marker) + markedDrl.substring(marker + 2);
        int line = 1 + (int) markedDrl.substring(0, marker).chars().filter(c -> c == '\n').count();
        int column = marker - markedDrl.lastIndexOf('\n', marker - 1);

        List<DrlProblem> problems = ROUTING.check(drl).problems();

        assertFalse(problems.isEmpty(), name + " was accepted");
        assertTrue(problems.stream().anyMatch(p -> p.line() == line && p.column() == column && p.message().contains(expectedMessage)),
                () -> name + ": expected a problem at " + line + ":" + column + " containing <" + expectedMessage + ">, got " + problems);
    }

    @Test
    void bothSpellingsOfAGetterAreAccepted() {
        SandboxResult result = ROUTING.check(lhs("$c : ChannelFact( Code == \"x\", successRate > 0.5, SuccessRate < 1 )"));
        assertEquals(List.of(), result.problems());
    }

    @Test
    void matchesIsCompiledToTheLinearTimeEngineOnTheSameLines() {
        String drl = lhs("$c : ChannelFact( code matches \"A.*\" ||\n        code not matches 'B+' )");
        SandboxResult result = ROUTING.check(drl);
        assertEquals(List.of(), result.problems());
        assertTrue(result.compiledText().contains("(com.topup.rules.sandbox.LinearRegex.matches(code, \"A.*\"))"),
                result.compiledText());
        assertTrue(result.compiledText().contains("(!com.topup.rules.sandbox.LinearRegex.matches(code, \"B+\"))"),
                result.compiledText());
        assertEquals(drl.lines().count(), result.compiledText().lines().count());
        assertTrue(LinearRegex.matches("A-1", "A.*"));
        assertFalse(LinearRegex.matches("B-1", "A.*"));
        assertTrue(LinearRegex.matches("a".repeat(100_000) + "!", "(a|aa)*!"), "linear even for patterns other engines choke on");
    }

    @Test
    void positionsAreRightWithWindowsLineEndingsAndTabs() {
        String drl = rhs("decision.exclude($c, \"x\");\r\n\tint x = 0; System.exit(0);").replace("\n", "\r\n").replace("\r\r\n", "\r\n");
        List<DrlProblem> problems = ROUTING.check(drl).problems();
        int line = (int) HEADER.lines().count() + 7;
        assertTrue(problems.stream().anyMatch(p -> p.line() == line && p.column() == 13 && p.message().contains("System")),
                problems::toString);
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        List<DrlProblem> problems = ROUTING.check(rhs("System.exit(0);\n    Runtime.getRuntime();\n    $c.getClass();")).problems();
        assertEquals(3, problems.size(), problems::toString);
    }

    @Test
    void theAllowListIsClosedOverHarmlessTypes() {
        AllowList members = ROUTING.vocabulary().members();
        assertEquals(List.of(), members.selfCheck());
    }

    /** What MVEL resolves a property spelling to at run time is the getter the allow-list names, on every type. */
    @Test
    void mvelResolvesEveryAllowedPropertyToItsListedGetter() throws Exception {
        AllowList members = ROUTING.vocabulary().members();
        int checked = 0;
        for (Map.Entry<Class<?>, AllowList.TypeRules> type : members.all().entrySet()) {
            for (Map.Entry<String, String> property : type.getValue().properties().entrySet()) {
                Member resolved = PropertyTools.getFieldOrAccessor(type.getKey(), property.getKey());
                assertTrue(resolved instanceof Method m && m.getName().equals(property.getValue()),
                        type.getKey().getSimpleName() + "." + property.getKey() + " resolves to " + resolved);
                checked++;
            }
        }
        assertTrue(checked > 40, "properties checked: " + checked);
    }

    // ------------------------------------------------------------------ DRL builders

    private static final String HEADER = RuleCorpus.HEADER;

    private static String rhs(String consequence) {
        return HEADER + "rule \"r\"\nwhen\n    $o : OrderFact()\n    $c : ChannelFact()\nthen\n    " + consequence + "\nend\n";
    }

    private static String lhs(String conditions) {
        return HEADER + "rule \"r\"\nwhen\n    " + conditions + "\nthen\n    decision.pickWeighted(random);\nend\n";
    }
}
