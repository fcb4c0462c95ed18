package com.topup.instruction.model;

import com.topup.instruction.reading.InstructionInterpreter;
import com.topup.instruction.reading.Problem;
import com.topup.instruction.reading.Reading;
import com.topup.instruction.reading.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The rule-based interpreter first; the language model only for a text the rules read nothing from. A text the rules
 * found ambiguous stays a problem (the person rewrites it; no model guesses). When the model fails, the rules'
 * reading is answered with a {@link Problem#MODEL_UNAVAILABLE} problem over the text.
 */
public final class ModelAssistedInterpreter implements InstructionInterpreter {

    /** Outcomes counted per consulted text. */
    public static final String READ = "read";
    public static final String NOTHING = "nothing";
    public static final String FAILED = "failed";

    private static final Logger LOG = Logger.getLogger(ModelAssistedInterpreter.class);

    private final InstructionInterpreter rules;
    private final InstructionInterpreter model;
    private final Consumer<String> outcomes;

    public ModelAssistedInterpreter(InstructionInterpreter rules, InstructionInterpreter model,
                                    Consumer<String> outcomes) {
        this.rules = rules;
        this.model = model;
        this.outcomes = outcomes;
    }

    @Override
    public Reading read(String text) {
        Reading ruled = rules.read(text);
        if (!needsModel(ruled)) {
            return ruled;
        }
        try {
            Reading modelled = model.read(text);
            if (modelled.proposals().isEmpty()) {
                outcomes.accept(NOTHING);
                return ruled;
            }
            outcomes.accept(READ);
            return modelled;
        } catch (ModelUnavailable e) {
            LOG.warnf("Instruction left to the rule-based reading: %s", e.getMessage());
            outcomes.accept(FAILED);
            List<Problem> problems = new ArrayList<>(ruled.problems());
            problems.add(new Problem(wholeText(text), Problem.MODEL_UNAVAILABLE, "The rules could not read this text "
                    + "and the language model that reads such texts is unavailable; try again later, or write "
                    + "each number with its amount, e.g. 给13800138000充100元"));
            return new Reading(ruled.proposals(), problems, false);
        }
    }

    static boolean needsModel(Reading ruled) {
        return ruled.proposals().isEmpty()
                && ruled.problems().stream().noneMatch(p -> Problem.AMBIGUOUS.equals(p.code()));
    }

    private static Span wholeText(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new Span(start, end);
    }
}
