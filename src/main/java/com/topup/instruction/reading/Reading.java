package com.topup.instruction.reading;

import java.util.List;

/** What an interpreter made of a text: the top-ups it asks for, in text order, and what it could not read. */
public record Reading(List<Proposal> proposals, List<Problem> problems) {

    public Reading {
        proposals = List.copyOf(proposals);
        problems = List.copyOf(problems);
    }
}
