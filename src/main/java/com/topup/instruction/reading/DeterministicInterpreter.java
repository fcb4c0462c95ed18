package com.topup.instruction.reading;

import java.util.List;

/**
 * The rule-based interpreter for Chinese and English instructions: tokens ({@link InstructionTokenizer}), clauses
 * ({@link Clause}), pairing ({@link ItemPairing}). Stateless and thread-safe; no I/O.
 */
public final class DeterministicInterpreter implements InstructionInterpreter {

    @Override
    public Reading read(String text) {
        List<Token> tokens = InstructionTokenizer.tokens(text);
        List<Clause> clauses = Clause.of(tokens);
        if (clauses.isEmpty()) {
            int start = Chars.skipSpaces(text, 0);
            int end = Math.max(start, text.strip().isEmpty() ? start : Chars.skipSpacesBack(text, text.length()));
            return new Reading(List.of(), List.of(new Problem(new Span(start, end), Problem.NO_PHONE,
                    "No phone number and no amount in the text")));
        }
        return ItemPairing.pair(clauses);
    }
}
