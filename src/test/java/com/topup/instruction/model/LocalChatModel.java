package com.topup.instruction.model;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A local chat-completions endpoint for the whole test run, configured as the instruction model. Texts the rules can
 * read never reach it; for the others it answers "no top-ups" unless a test scripted an answer ({@code PUT /script}).
 */
public class LocalChatModel implements QuarkusTestResourceLifecycleManager {

    private ChatCompletionsServer server;

    @Override
    public Map<String, String> start() {
        server = new ChatCompletionsServer();
        return Map.of(
                "topup.instruction.model.url", server.baseUrl(),
                "topup.instruction.model.model", "local-test-reader",
                "topup.instruction.model.key", "local-test-key",
                "topup.instruction.model.timeout", "2s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
