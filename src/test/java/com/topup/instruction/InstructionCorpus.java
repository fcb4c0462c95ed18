package com.topup.instruction;

import com.topup.carrier.Carrier;
import com.topup.carrier.LookupTables;
import com.topup.carrier.PhoneResolver;
import com.topup.carrier.ProductOffer;
import com.topup.carrier.ProductOffers;
import com.topup.instruction.reading.DeterministicInterpreter;
import com.topup.instruction.reading.InstructionInterpreter;
import com.topup.instruction.reading.Problem;
import com.topup.instruction.reading.Span;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The labelled instructions of {@code instruction/corpus.tsv} and the interpreter and pricer they are checked with
 * (libphonenumber's data, the default catalogue: 10–500 yuan for every carrier, a price of 98.5 %).
 */
public final class InstructionCorpus {

    public static final List<Long> DEFAULT_FACE_VALUES = List.of(1000L, 2000L, 3000L, 5000L, 10000L, 20000L, 30000L, 50000L);

    private InstructionCorpus() {
    }

    /** One labelled instruction: the items expected in order ("13800138000=10000") and the problems expected. */
    public record Case(int line, String text, List<String> items, List<ExpectedProblem> problems) {
    }

    /** A problem's code, and the text its span must cover (null: any span). */
    public record ExpectedProblem(String code, String covering) {

        boolean matches(Problem problem, String text) {
            if (!problem.code().equals(code)) {
                return false;
            }
            if (covering == null) {
                return true;
            }
            int start = text.indexOf(covering);
            return problem.span().equals(new Span(start, start + covering.length()));
        }
    }

    /** Whether the pricer's answer is exactly what the case expects; null when it is, else what differs. */
    public static String mismatch(Case c, PricedInstruction priced) {
        List<String> items = priced.items().stream()
                .map(i -> i.phone().nationalNumber() + "=" + i.faceValue()).toList();
        List<Problem> unmatched = new ArrayList<>(priced.problems());
        List<ExpectedProblem> missing = new ArrayList<>();
        for (ExpectedProblem expected : c.problems()) {
            Problem found = unmatched.stream().filter(p -> expected.matches(p, c.text())).findFirst().orElse(null);
            if (found == null) {
                missing.add(expected);
            } else {
                unmatched.remove(found);
            }
        }
        if (items.equals(c.items()) && missing.isEmpty() && unmatched.isEmpty()) {
            return null;
        }
        return "line " + c.line() + " \"" + c.text() + "\": items " + items + " expected " + c.items()
                + "; problems " + unmatched.stream().map(p -> p.code() + p.span()).collect(Collectors.toList())
                + " not expected, " + missing + " missing";
    }

    public static List<Case> load() {
        InputStream in = InstructionCorpus.class.getResourceAsStream("/instruction/corpus.tsv");
        if (in == null) {
            throw new IllegalStateException("instruction/corpus.tsv is missing");
        }
        List<Case> cases = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IllegalStateException("corpus line " + number + " has no tab");
                }
                cases.add(parse(number, line.substring(0, tab).replace("\\n", "\n"), line.substring(tab + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static Case parse(int line, String text, String expected) {
        List<String> items = new ArrayList<>();
        List<ExpectedProblem> problems = new ArrayList<>();
        for (String entry : expected.split("\\|")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq > 0 && Character.isDigit(entry.charAt(0))) {
                items.add(entry.substring(0, eq) + "=" + Long.parseLong(entry.substring(eq + 1)) * 100);
                continue;
            }
            int at = entry.indexOf('@');
            ExpectedProblem problem = at < 0 ? new ExpectedProblem(entry, null)
                    : new ExpectedProblem(entry.substring(0, at), entry.substring(at + 1).replace("\\n", "\n"));
            if (problem.covering() != null && !text.contains(problem.covering())) {
                throw new IllegalStateException("corpus line " + line + ": \"" + problem.covering() + "\" is not in the text");
            }
            problems.add(problem);
        }
        return new Case(line, text, items, problems);
    }

    public static InstructionInterpreter interpreter() {
        return new DeterministicInterpreter();
    }

    public static InstructionPricer pricer() {
        return pricer(ProductOffers.of(Set.of(Carrier.values()).stream()
                .flatMap(c -> DEFAULT_FACE_VALUES.stream().map(v -> new ProductOffer(c, v))).toList()));
    }

    public static InstructionPricer pricer(ProductOffers offers) {
        PhoneResolver resolver = new PhoneResolver(Set.of("162", "165", "167", "170", "171"), e164 -> "hash:" + e164);
        return new InstructionPricer(phone -> resolver.resolve(phone, LookupTables.EMPTY), offers::faceValues);
    }

    /** 98.5 % of face value, rounded half up, like the demo merchants. */
    public static long price(long faceValue) {
        return (faceValue * 9850 + 5000) / 10000;
    }
}
