package com.topup.rules;

import com.topup.rules.sandbox.DrlProblem;
import com.topup.rules.sandbox.DrlSandbox;
import com.topup.rules.sandbox.SandboxResult;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.runtime.KieContainer;

/**
 * Checks DRL text with the sandbox and, only if it passes, compiles it into a KieBase at run time, so text
 * that uses anything outside the fact model can never reach a live KieBase. Each build gets its own release
 * id (concurrent builds on a shared id load each other's rules), runs on a bounded executor with a time
 * limit (pathological rules can explode at parse or build time), and treats duplicate rule names as errors.
 */
public final class DrlCompiler implements AutoCloseable {

    private final KieServices kie = KieServices.Factory.get();
    private final Function<String, DrlSandbox> sandboxes;
    private final Executor builds;
    private final ExecutorService ownBuilds;
    private final long timeoutMillis;

    /**
     * Builds on the given executor (in the application: a named worker pool as wide as the builds allowed at once).
     * A build abandoned at the time limit keeps its thread until it ends.
     *
     * @param sandboxes the sandbox of each rule set
     */
    public DrlCompiler(Function<String, DrlSandbox> sandboxes, Executor builds, long timeoutMillis) {
        this.sandboxes = sandboxes;
        this.builds = builds;
        this.ownBuilds = null;
        this.timeoutMillis = timeoutMillis;
    }

    /** Builds on daemon threads of its own, closed with it: for tools and tests that run outside the application. */
    public DrlCompiler(Function<String, DrlSandbox> sandboxes, int parallelBuilds, long timeoutMillis) {
        this.sandboxes = sandboxes;
        this.ownBuilds = Executors.newFixedThreadPool(parallelBuilds, r -> {
            Thread thread = new Thread(r, "drl-compiler");
            thread.setDaemon(true);
            return thread;
        });
        this.builds = ownBuilds;
        this.timeoutMillis = timeoutMillis;
    }

    public CompilationResult compile(String ruleSet, String drl) {
        CompletableFuture<CompilationResult> build = CompletableFuture.supplyAsync(() -> build(ruleSet, drl), builds);
        try {
            return build.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            build.cancel(true);
            return CompilationResult.failed(List.of(new DrlProblem(0, 0,
                    "Compilation took longer than " + timeoutMillis + " ms and was abandoned")));
        } catch (ExecutionException e) {
            return CompilationResult.failed(List.of(new DrlProblem(0, 0, "Compilation failed: " + e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompilationResult.failed(List.of(new DrlProblem(0, 0, "Compilation interrupted")));
        }
    }

    /** Checks and compiles on the calling thread (a rule worker, whose watchdog bounds the job). */
    public CompilationResult compileHere(String ruleSet, String drl) {
        return build(ruleSet, drl);
    }

    private CompilationResult build(String ruleSet, String drl) {
        SandboxResult checked = sandboxes.apply(ruleSet).check(drl);
        if (!checked.accepted()) {
            return CompilationResult.failed(checked.problems());
        }
        ReleaseId releaseId = kie.newReleaseId("com.topup.rules", ruleSet + "-" + UUID.randomUUID(), "1.0.0");
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        KieModuleModel module = kie.newKieModuleModel();
        module.setConfigurationProperty("drools.kbuilder.severity.duplicateRule", "ERROR");
        module.newKieBaseModel("rules").setDefault(true).addPackage("*").newKieSessionModel("session").setDefault(true);
        files.writeKModuleXML(module.toXML());
        files.write("src/main/resources/com/topup/rules/" + ruleSet + "/" + ruleSet + ".drl", checked.compiledText());
        ClassLoader classLoader = DrlCompiler.class.getClassLoader();
        KieBuilder builder = kie.newKieBuilder(files, classLoader).buildAll();
        try {
            List<DrlProblem> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
                    .map(m -> new DrlProblem(Math.max(0, m.getLine()), Math.max(0, m.getColumn()), m.getText()))
                    .toList();
            if (!errors.isEmpty()) {
                return CompilationResult.failed(errors);
            }
            KieContainer container = kie.newKieContainer(releaseId, classLoader);
            return CompilationResult.compiled(container.getKieBase());
        } finally {
            kie.getRepository().removeKieModule(releaseId);
        }
    }

    @Override
    public void close() {
        if (ownBuilds != null) {
            ownBuilds.shutdownNow();
        }
    }
}
