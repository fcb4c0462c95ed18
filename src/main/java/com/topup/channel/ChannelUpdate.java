package com.topup.channel;

import java.util.List;

/**
 * A channel's configuration as an admin sends it. On an existing channel, absent fields keep their value (the
 * secret too); a new channel needs name, protocol, baseUrl, secret, carriers, costRateBp and capacity.
 */
public record ChannelUpdate(String name, String protocol, String baseUrl, String secret, List<String> carriers,
                            List<String> provinces, List<Long> faceValues, Integer costRateBp, Integer capacity,
                            Long dailyQuota, Integer timeoutMs, Integer expectedCompletionMs, Boolean enabled) {
}
