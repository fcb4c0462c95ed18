package com.topup.rules;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A test class's rule compiler with the sandbox's vocabulary, started before its tests and closed after them. */
final class SandboxCompiler implements BeforeAllCallback, AfterAllCallback {

    private DrlCompiler compiler;

    @Override
    public void beforeAll(ExtensionContext context) {
        compiler = new DrlCompiler(RuleVocabulary::sandbox, 1, 60_000);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        compiler.close();
    }

    CompilationResult compile(String ruleSet, String drl) {
        return compiler.compile(ruleSet, drl);
    }
}
