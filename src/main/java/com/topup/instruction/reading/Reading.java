package com.topup.instruction.reading;

import java.util.List;

/**
 * What an interpreter made of a text: the top-ups it asks for, in text order, and what it could not read.
 *
 * @param byModel whether the language-model interpreter read it (the rule-based one could not)
 */
public record Reading(List<Proposal> proposals, List<Problem> problems, boolean byModel) {

    public Reading {
        proposals = List.copyOf(proposals);
        problems = List.copyOf(problems);
    }

    /** A reading of the rule-based interpreter. */
    public Reading(List<Proposal> proposals, List<Problem> problems) {
        this(proposals, problems, false);
    }
}
