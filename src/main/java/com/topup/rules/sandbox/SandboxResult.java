package com.topup.rules.sandbox;

import java.util.List;

/**
 * The sandbox's answer: the problems of the text as written (empty when it may be compiled) and, when there are
 * none, the text the compiler is given: the same text with each {@code matches} bound to the linear-time engine,
 * on the same lines.
 */
public record SandboxResult(List<DrlProblem> problems, String compiledText) {

    public boolean accepted() {
        return problems.isEmpty();
    }
}
