package com.topup.sim;

import java.util.List;

/** A simulator profile or behaviour that cannot be used, with everything wrong with it. */
public class InvalidSimProfile extends RuntimeException {

    private final List<String> problems;

    public InvalidSimProfile(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
