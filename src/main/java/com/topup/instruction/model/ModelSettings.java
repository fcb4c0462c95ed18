package com.topup.instruction.model;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the language-model interpreter asks, and how long it waits.
 *
 * @param url base URL of an OpenAI-compatible chat-completions endpoint, e.g. {@code http://127.0.0.1:11434/v1}
 * @param model the model name the endpoint serves
 * @param key the bearer key, when the endpoint wants one
 * @param timeout the longest wait for one answer, connecting included
 * @param jsonSchema whether to ask for the answer's JSON schema ({@code response_format: json_schema}); otherwise
 *        only for a JSON object, the shape described in the prompt, for endpoints without schema support
 */
public record ModelSettings(URI url, String model, Optional<String> key, Duration timeout, boolean jsonSchema) {
}
