package com.topup.instruction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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
}
