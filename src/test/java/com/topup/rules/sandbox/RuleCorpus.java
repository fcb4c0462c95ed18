package com.topup.rules.sandbox;

import com.topup.bench.BenchPolicies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sandbox's corpora, read from data files: hostile texts (src/test/resources/sandbox/hostile: one per line,
 * wrapped into a rule by position; and *.drl files), texts that pass the sandbox but must be stopped by a budget
 * (sandbox/budget/*.drl), and legitimate rules (the seed rules, the examples of docs/rules.md, the benchmarks'
 * policies, and sandbox/legit/*.drl).
 */
public final class RuleCorpus {

    /** One text of a corpus: where it comes from, its rule set, the text, and the lines its hostile part is on. */
    public record Case(String name, String ruleSet, String drl, int firstLine, int lastLine) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static final String HEADER = """
            package com.topup.rules.routing;

            import com.topup.rules.model.OrderFact;
            import com.topup.rules.model.ChannelFact;
            import com.topup.rules.model.RouteDecision;
            import com.topup.rules.model.RuleRandom;
            import com.topup.rules.model.AnomalyKind;
            import java.util.Set;

            global RouteDecision decision;
            global RuleRandom random;

            """;

    private static final Path ROOT = Path.of("src/test/resources/sandbox");

    private RuleCorpus() {
    }

    public static List<Case> hostile() throws IOException {
        List<Case> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(ROOT.resolve("hostile/snippets.tsv"), StandardCharsets.UTF_8);
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            String position = line.substring(0, tab);
            String text = line.substring(tab + 1).replace("\\n", "\n");
            out.add(wrap("snippets.tsv:" + n + " " + position + ": " + abbreviate(text), position, text));
        }
        for (Path file : drlFiles("hostile")) {
            out.add(new Case(file.getFileName().toString(), ruleSetOf(Files.readString(file)), Files.readString(file), 1,
                    Integer.MAX_VALUE));
        }
        return out;
    }

    public static List<Case> budget() throws IOException {
        List<Case> out = new ArrayList<>();
        for (Path file : drlFiles("budget")) {
            String text = Files.readString(file);
            out.add(new Case(file.getFileName().toString(), ruleSetOf(text), text, 1, Integer.MAX_VALUE));
        }
        return out;
    }

    public static List<Case> legitimate() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String set : List.of("routing", "fallback", "repair")) {
            out.add(new Case("seed: " + set + ".drl", set, seed(set), 1, Integer.MAX_VALUE));
            com.topup.rules.SeedRules.of(set).orElseThrow().earlier().forEach(text ->
                    out.add(new Case("earlier seed: " + set, set, text, 1, Integer.MAX_VALUE)));
        }
        Matcher blocks = Pattern.compile("```\\n(rule \"[^`]*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("docs/rules.md")));
        while (blocks.find()) {
            String rule = blocks.group(1);
            String set = rule.contains("FailureFact") ? "fallback" : rule.contains("AnomalyFact") ? "repair" : "routing";
            out.add(new Case("docs/rules.md: " + abbreviate(rule.lines().findFirst().orElse("")), set,
                    headerOf(set) + rule, 1, Integer.MAX_VALUE));
        }
        BenchPolicies.routingTexts().forEach((name, drl) -> out.add(new Case(name, "routing", drl, 1, Integer.MAX_VALUE)));
        for (Path file : drlFiles("legit")) {
            String text = Files.readString(file);
            out.add(new Case("legit/" + file.getFileName(), ruleSetOf(text), text, 1, Integer.MAX_VALUE));
        }
        return out;
    }

    public static String seed(String ruleSet) throws IOException {
        try (InputStream in = RuleCorpus.class.getResourceAsStream("/rules/" + ruleSet + ".drl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The imports and globals of a rule set, for wrapping a rule. */
    public static String headerOf(String ruleSet) {
        return switch (ruleSet) {
            case "fallback" -> """
                    package com.topup.rules.fallback;
                    import com.topup.rules.model.OrderFact;
                    import com.topup.rules.model.ChannelFact;
                    import com.topup.rules.model.FailureFact;
                    import com.topup.rules.model.FallbackDecision;
                    global FallbackDecision decision;
                    """;
            case "repair" -> """
                    package com.topup.rules.repair;
                    import com.topup.rules.model.AnomalyFact;
                    import com.topup.rules.model.OrderFact;
                    import com.topup.rules.model.RepairDecision;
                    global RepairDecision decision;
                    """;
            default -> HEADER;
        };
    }

    private static Case wrap(String name, String position, String text) {
        int headerLines = (int) HEADER.chars().filter(c -> c == '\n').count();
        int textLines = (int) text.chars().filter(c -> c == '\n').count();
        return switch (position) {
            case "rhs" -> new Case(name, "routing", HEADER + "rule \"hostile\"\nwhen\n    $o : OrderFact()\n    $c : ChannelFact()\nthen\n    "
                    + text + "\nend\n", headerLines + 6, headerLines + 6 + textLines);
            case "lhs" -> new Case(name, "routing", HEADER + "rule \"hostile\"\nwhen\n    $o : OrderFact()\n    " + text
                    + "\nthen\n    decision.pickWeighted(random);\nend\n", headerLines + 4, headerLines + 4 + textLines);
            case "eval" -> new Case(name, "routing", HEADER + "rule \"hostile\"\nwhen\n    $o : OrderFact()\n    $c : ChannelFact()\n    eval( "
                    + text + " )\nthen\n    decision.pickWeighted(random);\nend\n", headerLines + 5, headerLines + 5 + textLines);
            case "from" -> new Case(name, "routing", HEADER + "rule \"hostile\"\nwhen\n    $o : OrderFact()\n    $c : ChannelFact()\n"
                    + "    $x : String() from " + text + "\nthen\n    decision.pickWeighted(random);\nend\n", headerLines + 5,
                    headerLines + 5 + textLines);
            case "top" -> new Case(name, "routing", HEADER + text + "\n\nrule \"harmless\"\nwhen\n    $c : ChannelFact()\nthen\n"
                    + "    decision.exclude($c, \"x\");\nend\n", headerLines + 1, headerLines + 1 + textLines + 6);
            case "header" -> new Case(name, "routing", "package com.topup.rules.routing;\n" + text + "\n"
                    + HEADER.substring(HEADER.indexOf('\n') + 1) + "rule \"harmless\"\nwhen\n    $c : ChannelFact()\nthen\n"
                    + "    decision.exclude($c, \"x\");\nend\n", 2, 2 + textLines);
            case "full" -> new Case(name, "routing", text, 1, Integer.MAX_VALUE);
            default -> throw new IllegalArgumentException("unknown position " + position);
        };
    }

    private static String ruleSetOf(String text) {
        Matcher m = Pattern.compile("package\\s+com\\.topup\\.rules\\.(\\w+)").matcher(text);
        return m.find() ? m.group(1) : "routing";
    }

    private static List<Path> drlFiles(String dir) throws IOException {
        Path d = ROOT.resolve(dir);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(d)) {
            return files.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 70 ? one.substring(0, 67) + "..." : one;
    }
}
