package com.topup.rules;

import com.topup.rules.sandbox.DrlProblem;
import java.util.List;
import org.kie.api.KieBase;

/** A compiled KieBase, or the errors that prevented it. */
public record CompilationResult(KieBase kieBase, List<DrlProblem> errors) {

    static CompilationResult compiled(KieBase kieBase) {
        return new CompilationResult(kieBase, List.of());
    }

    static CompilationResult failed(List<DrlProblem> errors) {
        return new CompilationResult(null, List.copyOf(errors));
    }

    public boolean succeeded() {
        return kieBase != null;
    }
}
