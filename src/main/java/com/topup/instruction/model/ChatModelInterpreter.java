package com.topup.instruction.model;

import com.topup.instruction.reading.InstructionInterpreter;
import com.topup.instruction.reading.Reading;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.http.HttpClient;
import java.util.Set;

/**
 * Reads an instruction with a language model behind an OpenAI-compatible chat-completions endpoint. The model is
 * asked for structured output only ({@link ModelPrompt}); its answer becomes a reading through {@link ModelAnswer},
 * which refuses anything that does not fit the text. Any failure is a {@link ModelUnavailable}.
 */
public final class ChatModelInterpreter implements InstructionInterpreter {

    private final ChatModel model;
    private final ResponseFormat format;

    public ChatModelInterpreter(ModelSettings settings) {
        this.format = ModelPrompt.responseFormat(settings.jsonSchema());
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .baseUrl(settings.url().toString())
                .modelName(settings.model())
                .apiKey(settings.key().orElse(null))
                .temperature(0.0)
                .timeout(settings.timeout())
                .maxRetries(0)
                // plain HTTP/1.1: local OpenAI-compatible servers do not all take an h2c upgrade
                .httpClientBuilder(JdkHttpClient.builder()
                        .httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
                        .connectTimeout(settings.timeout())
                        .readTimeout(settings.timeout()));
        if (settings.jsonSchema()) {
            builder.supportedCapabilities(Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA)).strictJsonSchema(true);
        }
        this.model = builder.build();
    }

    @Override
    public Reading read(String text) {
        ChatResponse response;
        try {
            response = model.chat(ChatRequest.builder()
                    .messages(SystemMessage.from(ModelPrompt.SYSTEM), UserMessage.from(text))
                    .responseFormat(format)
                    .build());
        } catch (RuntimeException e) {
            throw new ModelUnavailable("The language model did not answer: " + describe(e), e);
        }
        String answer = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
        if (answer == null || answer.isBlank()) {
            throw new ModelUnavailable("The language model gave an empty answer");
        }
        return ModelAnswer.read(text, answer);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
