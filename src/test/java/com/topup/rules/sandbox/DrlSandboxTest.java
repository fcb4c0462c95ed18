package com.topup.rules.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each refused case marks the offending token with {@code @@}; the marker is removed before the
 * check and its position is the line and column the problem must be reported at.
 */
class DrlSandboxTest {

    private static final String PKG = "com.topup.rules.routing";

    private static final DrlSandbox SANDBOX = new DrlSandbox(
            Set.of("OrderFact", "ChannelFact", "RouteDecision", "RuleRandom"),
            Map.of("random", "RuleRandom"),
            Set.of("com.topup.rules.model"));

    private static final String HEADER = """
            package com.topup.rules.routing;

            import com.topup.rules.model.OrderFact;
            import com.topup.rules.model.ChannelFact;
            import com.topup.rules.model.RouteDecision;
            import com.topup.rules.model.RuleRandom;
            import java.util.List;
            import java.util.ArrayList;

            global RuleRandom random;

            """;

    private static final String ROUTING = HEADER + """
            // Starting policy: 0.4 latency + 0.4 success rate + 0.2 spare capacity, weighted random pick.
            rule "score eligible channels"
                salience 10
                no-loop true
            when
                $o : OrderFact( $carrier : carrier, $province : province, $face : faceValue )
                $c : ChannelFact( carriers contains $carrier, provinces contains $province,
                                  circuitState != 'OPEN', remainingQuota >= $face )
                $d : RouteDecision( orderId == $o.orderId )
            then
                double latency = 1.0 - Math.min(1.0, $c.getLatencyP95() / 3000.0);
                double spare = $c.getCapacity() == 0 ? 0.0
                        : (double) ($c.getCapacity() - $c.getInFlight()) / $c.getCapacity();
                double score = 0.4 * latency + 0.4 * $c.getSuccessRate() + 0.2 * spare;
                $d.addCandidate($c.getId(), score, String.format("score %.3f", score));
            end

            rule "pick weighted"
                salience -10
            when
                $d : RouteDecision( candidates.size() > 0, chosen == null )
            then
                List<String> ids = new ArrayList<>();
                double total = 0;
                for (String id : $d.getCandidateIds()) {
                    ids.add(id);
                    total += $d.scoreOf(id);
                }
                double point = random.nextDouble() * total;
                String chosen = null;
                for (String id : ids) {
                    point -= $d.scoreOf(id);
                    if (chosen == null && point <= 0) {
                        chosen = id;
                    }
                }
                final String pick = chosen;
                modify($d) { setChosen(pick) }
                drools.getRule().getName();
            end
            """;

    // ------------------------------------------------------------------ accepted

    @Test
    void routingRuleUsingTheAllowedTypesPasses() {
        assertEquals(List.of(), SANDBOX.check(ROUTING, PKG));
    }

    @Test
    void wordsInStringsAndCommentsAreNotRefused() {
        String drl = HEADER + """
                rule "strings and comments"
                when
                    $o : OrderFact( merchantName != "System.exit(0)", merchantName != 'Runtime.getRuntime()' )
                then
                    // System.exit(0); Runtime.getRuntime().exec("x"); new java.io.File("/")
                    /* Thread, Class.forName("x"), getClass().getClassLoader() */
                    String s = "System.exit(0) and new java.net.Socket(\\"h\\", 1) are only text";
                    String t = "caf\\u00e9 \\u0053ystem";
                    char c = 'S';
                    insert(s + t + c);
                end
                """;
        assertEquals(List.of(), SANDBOX.check(drl, PKG));
    }

    @Test
    void allowedWildcardImportJdkTypesAndDeclaredTypesPass() {
        String drl = """
                package com.topup.rules.routing;
                import com.topup.rules.model.*;
                import java.util.Map;
                import java.math.BigDecimal;
                import java.time.Duration;

                declare Score
                    channelId : String
                    value : double
                    amount : BigDecimal
                end

                rule "declared type and switch on enum constants"
                when
                    $o : OrderFact( faceValue > 0 )
                then
                    Map<String, Integer> m = Map.of("a", 1);
                    Duration d = Duration.ofSeconds(30);
                    long wait = 30;
                    int exit = (int) wait;
                    Score s = new Score("c1", Math.max(0.1, 0.2), BigDecimal.ONE);
                    switch ($o.getCarrier()) {
                        case CMCC, CUCC -> insert(s);
                        default -> { }
                    }
                    insert(m.get("a") + d.toString());
                end
                """;
        assertEquals(List.of(), SANDBOX.check(drl, PKG));
    }

    // ------------------------------------------------------------------ refused, one case per escape

    static Stream<Arguments> escapes() {
        return Stream.of(
                Arguments.of("System.exit", rhs("@@System.exit(0);"), "'System' is not allowed"),
                Arguments.of("Runtime.getRuntime().exec", rhs("@@Runtime.getRuntime().exec(\"rm -rf /\");"),
                        "'Runtime' is not allowed"),
                Arguments.of("Runtime exec method", rhs("Runtime.getRuntime().@@exec(\"rm -rf /\");"),
                        "'exec' is not allowed"),
                Arguments.of("new ProcessBuilder", rhs("new @@ProcessBuilder(\"sh\").start();"),
                        "'ProcessBuilder' is not allowed"),
                Arguments.of("new Thread", rhs("new @@Thread(() -> { }).start();"), "'Thread' is not allowed"),
                Arguments.of("Executors.newFixedThreadPool", rhs("@@Executors.newFixedThreadPool(2);"),
                        "'Executors' is not allowed"),
                Arguments.of("getClass()", rhs("$o.@@getClass().getClassLoader();"), "'getClass' is not allowed"),
                Arguments.of("getClassLoader()", rhs("$o.getClass().@@getClassLoader();"),
                        "'getClassLoader' is not allowed"),
                Arguments.of("Class.forName", rhs("@@Class.forName(\"java.lang.Runtime\");"),
                        "'Class' is not allowed"),
                Arguments.of("forName", rhs("Class.@@forName(\"java.lang.Runtime\");"), "'forName' is not allowed"),
                Arguments.of("MethodHandles.lookup", rhs("@@MethodHandles.lookup();"),
                        "'MethodHandles' is not allowed"),
                Arguments.of("java.lang.System.exit without import", rhs("@@java.lang.System.exit(0);"),
                        "fully qualified name 'java.lang.System'"),
                Arguments.of("new java.io.File", rhs("new @@java.io.File(\"/etc/passwd\").delete();"),
                        "fully qualified name 'java.io.File'"),
                Arguments.of("java.nio.file.Files.delete", rhs("@@java.nio.file.Files.delete(null);"),
                        "fully qualified name 'java.nio.file.Files'"),
                Arguments.of("new java.net.Socket", rhs("new @@java.net.Socket(\"example.org\", 80);"),
                        "fully qualified name 'java.net.Socket'"),
                Arguments.of("new java.net.URL", rhs("new @@java.net.URL(\"http://example.org\").openStream();"),
                        "fully qualified name 'java.net.URL'"),
                Arguments.of("import java.io.File", header("import @@java.io.File;\n"), "import of 'java.io.File'"),
                Arguments.of("import java.util.*", header("import @@java.util.*;\n"), "import of 'java.util.*'"),
                Arguments.of("import of a model class outside the allow-list",
                        header("import @@com.topup.rules.model.InternalState;\n"),
                        "type 'InternalState' is not in the allow-list"),
                Arguments.of("import static java.lang.System.exit",
                        header("import @@static java.lang.System.exit;\n"), "'import static' is not allowed"),
                Arguments.of("import function java.lang.System.exit",
                        header("import @@function java.lang.System.exit;\n"), "'import function' is not allowed"),
                Arguments.of("function that calls System.exit",
                        top("function void boom() {\n    @@System.exit(0);\n}\n"), "'System' is not allowed"),
                Arguments.of("eval(System.exit(0) == null)", lhs("eval( @@System.exit(0) == null )"),
                        "'System' is not allowed"),
                Arguments.of("global of a non-allowed type", header("global @@List random;\n"),
                        "global 'random' must be declared as 'global RuleRandom random'"),
                Arguments.of("global of a non-allowed name", header("global RuleRandom @@rng;\n"),
                        "global 'rng' is not provided by the engine"),
                Arguments.of("global with a fully qualified type", header("global @@java.util.List out;\n"),
                        "fully qualified name 'java.util.List'"),
                Arguments.of("unicode escape \\u0053ystem.exit", rhs("@@\\u0053ystem.exit(0);"),
                        "unicode escape outside a string literal"),
                Arguments.of("unicode escape decodes to System", rhs("@@\\u0053ystem.exit(0);"),
                        "'System' is not allowed"),
                Arguments.of("unicode escape that closes a string",
                        rhs("String s = \"\\u0022 + @@System.exit(0) + \\u0022\";"), "'System' is not allowed"),
                Arguments.of("unicode line break ending a comment",
                        rhs("// harmless \\u000a @@System.exit(0);"), "'System' is not allowed"),
                Arguments.of("declare with a forbidden field type", top("declare Holder\n    f : @@File\nend\n"),
                        "'File' is not allowed"),
                Arguments.of("declare with a fully qualified field type",
                        top("declare Holder\n    f : @@java.io.File\nend\n"), "fully qualified name 'java.io.File'"),
                Arguments.of("declare extending a forbidden type", top("declare Worker extends @@Thread\nend\n"),
                        "'Thread' is not allowed"),
                Arguments.of("declare reusing an existing JDK class", top("declare @@Object\nend\n"),
                        "that is the existing class 'java.lang.Object'"),
                Arguments.of("declare trait", top("declare @@trait Spy\nend\n"), "'declare trait' is not allowed"),
                Arguments.of("dialect mvel", HEADER + "rule \"r\" @@dialect \"mvel\"\nwhen\n    $o : OrderFact()\nthen\n    insert($o);\nend\n",
                        "dialect \"mvel\" is not allowed"),
                Arguments.of("package-level dialect mvel", header("@@dialect \"mvel\"\n"),
                        "dialect \"mvel\" is not allowed"),
                Arguments.of("timer attribute", HEADER + "rule \"r\" @@timer (int: 1s 1s)\nwhen\n    $o : OrderFact()\nthen\n    insert($o);\nend\n",
                        "rule attribute 'timer' is not allowed"),
                Arguments.of("calendars attribute", HEADER + "rule \"r\" @@calendars \"weekdays\"\nwhen\n    $o : OrderFact()\nthen\n    insert($o);\nend\n",
                        "rule attribute 'calendars' is not allowed"),
                Arguments.of("MVEL property 'class' in a constraint", lhs("OrderFact( this.@@class.name != null )"),
                        "'class' is not allowed"),
                Arguments.of("from calling a forbidden method", lhs("$e : String() from System.@@getenv(\"HOME\")"),
                        "'getenv' is not allowed"),
                Arguments.of("accumulate calling a forbidden type",
                        lhs("$n : Number() from accumulate( ChannelFact( $l : latencyP95 ),\n"
                                + "        init( double t = 0; ), action( t += $l; @@Runtime.getRuntime(); ), result( t ) )"),
                        "'Runtime' is not allowed"),
                Arguments.of("insert of a forbidden type", rhs("insert(new @@Thread());"), "'Thread' is not allowed"),
                Arguments.of("type outside the allow-list", rhs("@@StringBuffer b = null;"),
                        "type 'StringBuffer' is not in the allow-list"),
                Arguments.of("Integer.TYPE is a Class", rhs("Object x = Integer.@@TYPE;"), "'TYPE' is not allowed"),
                Arguments.of("drools.getKieRuntime", rhs("@@drools.getKieRuntime().halt();"),
                        "'drools' may only be used as"),
                Arguments.of("kcontext", rhs("@@kcontext.getKieRuntime();"), "'kcontext' is not allowed"),
                Arguments.of("consequenceCtx", rhs("@@consequenceCtx.toString();"), "'consequenceCtx' is not allowed"),
                Arguments.of("channels shorthand", rhs("@@channels[\"out\"].send($o);"), "'channels[...]' is not allowed"),
                Arguments.of("wait() on a fact", rhs("$o.@@wait();"), "'wait' is not allowed"),
                Arguments.of("parallel stream", rhs("List.of(1, 2).@@parallelStream().count();"),
                        "'parallelStream' is not allowed"),
                Arguments.of("while loop", rhs("@@while (true) { }"), "'while' loops are not allowed"),
                Arguments.of("counting for loop", rhs("@@for (;;) { }"), "counting 'for' loops are not allowed"),
                Arguments.of("anonymous class", rhs("Comparator<String> c = @@new Comparator<String>() { public int compare(String a, String b) { return 0; } };"),
                        "anonymous classes are not allowed"),
                Arguments.of("mutually recursive functions",
                        top("function void @@ping(int n) { pong(n); }\nfunction void pong(int n) { ping(n); }\n"),
                        "recursion is not allowed"),
                Arguments.of("import accumulate of a JDK class", header("import @@accumulate java.lang.Runtime rt;\n"),
                        "import of 'java.lang.Runtime'"),
                Arguments.of("rule named like a forbidden type does not whitelist it",
                        top("rule Runtime when then end\nrule \"x\" when then @@Runtime.getRuntime(); end\n"),
                        "'Runtime' is not allowed"),
                Arguments.of("recursive function",
                        top("function int @@fib(int n) {\n    return n < 2 ? n : fib(n - 1) + fib(n - 2);\n}\n"),
                        "recursion is not allowed"),
                Arguments.of("text block", rhs("String s = @@\"\"\"\n        text\n        \"\"\";"),
                        "text blocks"),
                Arguments.of("'#' is not a comment in DRL: the rest of the line is still scanned",
                        lhs("$o : OrderFact( this#OrderFact.faceValue > 0, @@System.exit(0) == null )"),
                        "'System' is not allowed"),
                Arguments.of("invisible character inside an identifier", rhs("@@Sys\u200Btem.exit(0);"),
                        "contains invisible characters"),
                Arguments.of("bidirectional override character", rhs("String s = \"@@\u202E\";"),
                        "bidirectional control character"),
                Arguments.of("wrong package", "package @@com.topup.rules.repair;\n", "this rule set must use 'package com.topup.rules.routing;'"),
                Arguments.of("syntax error", lhs("OrderFact( faceValue > @@)"), "syntax error"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapes")
    void escapeIsRefusedAtItsLineAndColumn(String name, String markedDrl, String expectedMessage) {
        int marker = markedDrl.indexOf("@@");
        assertTrue(marker >= 0, "test case without @@ marker");
        String drl = markedDrl.substring(0, marker) + markedDrl.substring(marker + 2);
        int line = 1 + (int) markedDrl.substring(0, marker).chars().filter(c -> c == '\n').count();
        int column = marker - markedDrl.lastIndexOf('\n', marker - 1);

        List<DrlProblem> problems = SANDBOX.check(drl, PKG);

        assertFalse(problems.isEmpty(), name + " was accepted");
        assertTrue(problems.stream().anyMatch(p -> p.line() == line && p.column() == column
                        && p.message().contains(expectedMessage)),
                () -> name + ": expected a problem at " + line + ":" + column + " containing <" + expectedMessage
                        + ">, got " + problems);
    }

    @Test
    void unquotedRuleNamesAndAttributesPass() {
        String drl = HEADER + """
                rule ScoreChannels
                    ruleflow-group "routing" activation-group "pick" lock-on-active true date-effective "1-Jan-2025"
                when
                    $o : OrderFact( faceValue in (10, 20, 50), province not in ('GD', 'BJ'), carrier matches "CM.*" )
                    not ChannelFact( remainingQuota <= 0 )
                then
                    insert($o);
                end
                """;
        assertEquals(List.of(), SANDBOX.check(drl, PKG));
    }

    @Test
    void positionsAreRightWithWindowsLineEndingsAndTabs() {
        String drl = rhs("insert(1);\r\n\tint x = 0; System.exit(0);").replace("\n", "\r\n").replace("\r\r\n", "\r\n");
        List<DrlProblem> problems = SANDBOX.check(drl, PKG);
        int line = 1 + (int) HEADER.chars().filter(c -> c == '\n').count() + 5;
        assertTrue(problems.contains(new DrlProblem(line, 13, "'System' is not allowed in rules (process and JVM control)")),
                problems::toString);
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        String drl = rhs("System.exit(0); Runtime.getRuntime().exec(\"x\");\n    new java.io.File(\"/\");");
        List<DrlProblem> problems = SANDBOX.check(drl, PKG);
        assertTrue(problems.size() >= 5, problems::toString); // System, exit, Runtime, getRuntime, exec, java.io.File
    }

    @Test
    void missingPackageIsRefused() {
        List<DrlProblem> problems = SANDBOX.check("rule \"r\" when then end\n", PKG);
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("must start with 'package")), problems::toString);
    }

    @Test
    void forbiddenTypesCannotBeAllowedByTheCaller() {
        assertThrows(IllegalArgumentException.class, () -> new DrlSandbox(Set.of("System"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new DrlSandbox(Set.of(), Map.of("t", "Thread")));
        assertThrows(IllegalArgumentException.class, () -> new DrlSandbox(Set.of(), Map.of(), Set.of("java.io")));
        assertThrows(IllegalArgumentException.class, () -> new DrlSandbox(Set.of("java.io.File"), Map.of()));
    }

    @Test
    void problemsCarryOneBasedPositionsOrZeroForUnknown() {
        assertThrows(IllegalArgumentException.class, () -> new DrlProblem(-1, 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> new DrlProblem(1, -1, "x"));
        assertEquals("0:0 engine message", new DrlProblem(0, 0, "engine message").toString());
        assertEquals("3:7 msg", new DrlProblem(3, 7, "msg").toString());
    }

    // ------------------------------------------------------------------ DRL builders

    /** The header, then the given top-level text (imports, globals, attributes). */
    private static String header(String text) {
        return HEADER + text;
    }

    /** The header, then the given top-level declaration and a harmless rule. */
    private static String top(String text) {
        return HEADER + text + "\nrule \"r\"\nwhen\n    $o : OrderFact()\nthen\n    insert($o);\nend\n";
    }

    /** A rule whose consequence is the given text. */
    private static String rhs(String consequence) {
        return HEADER + "rule \"r\"\nwhen\n    $o : OrderFact()\nthen\n    " + consequence + "\nend\n";
    }

    /** A rule whose conditions are the given text. */
    private static String lhs(String conditions) {
        return HEADER + "rule \"r\"\nwhen\n    " + conditions + "\nthen\n    insert(\"x\");\nend\n";
    }
}
