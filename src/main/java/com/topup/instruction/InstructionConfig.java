package com.topup.instruction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Plain-language instructions ({@code /api/v1/instructions}). */
@ConfigMapping(prefix = "topup.instruction")
public interface InstructionConfig {

    /** How long a confirmation token can be confirmed after the instruction was understood. */
    @WithDefault("10m")
    Duration confirmationTtl();

    /** How long a confirmed token keeps answering a repeated confirm with its orders before it is deleted. */
    @WithDefault("1d")
    Duration confirmedRetention();

    /** The most top-ups one instruction may ask for; more is refused as a whole (400 INVALID_REQUEST). */
    @WithDefault("100")
    int maxItems();

    /** The optional language-model interpreter, for texts the rule-based one reads nothing from. */
    Model model();

    /** An OpenAI-compatible chat-completions endpoint. No model ships with the product: off unless url is set. */
    interface Model {

        /** Base URL of the endpoint, e.g. {@code http://127.0.0.1:11434/v1}; unset: no model is asked. */
        Optional<String> url();

        /** The model name the endpoint serves; required with a url. */
        Optional<String> model();

        /** Sent as {@code Authorization: Bearer <key>}; unset for endpoints without keys. */
        Optional<String> key();

        /** The longest wait for one answer; past it the rule-based reading is answered with MODEL_UNAVAILABLE. */
        @WithDefault("5s")
        Duration timeout();

        /** Ask for the answer's JSON schema; false: only for a JSON object (endpoints without schema support). */
        @WithDefault("true")
        boolean jsonSchema();
    }
}
