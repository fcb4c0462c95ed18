package com.topup.channel.health;

import java.util.Set;

/**
 * Which finished attempts are the channel's fault. A channel that refuses at once for a business reason
 * (REJECTED, OUT_OF_STOCK) answered correctly and is healthy; every other failure — timeouts, network errors,
 * unusable answers, unknown outcomes and top-ups the channel accepted and then reported FAILED — is its fault.
 */
public final class ChannelFaults {

    /** Error classes of failed attempts that do not count against the channel. */
    public static final Set<String> NOT_THE_CHANNELS_FAULT = Set.of("REJECTED", "OUT_OF_STOCK");

    private ChannelFaults() {
    }

    /**
     * @param status      the attempt's final status, SUCCEEDED or FAILED
     * @param errorClass  the attempt's error class (null when none was recorded)
     */
    public static boolean isFault(String status, String errorClass) {
        return "FAILED".equals(status) && (errorClass == null || !NOT_THE_CHANNELS_FAULT.contains(errorClass));
    }

    /** The same rule as an SQL condition over {@code channel_attempt} columns {@code status} and {@code error_class}. */
    static String sqlCondition(String alias) {
        String excluded = NOT_THE_CHANNELS_FAULT.stream().sorted().map(c -> "'" + c + "'")
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        return "(" + alias + ".status = 'FAILED' and coalesce(" + alias + ".error_class, '') not in (" + excluded + "))";
    }
}
