package com.topup.rules;

import com.topup.rules.model.ChannelFact;
import java.util.List;
import java.util.Map;

/**
 * Channels as routing would see them now for a list of orders: orders that routing sees alike (the same carrier,
 * province and face-value band of the success model) share one list of channel facts. {@code groups.get(i)} is the
 * group of the i-th order; {@code channels} holds each group's facts.
 */
public record ChannelsNow(List<String> groups, Map<String, List<ChannelFact>> channels) {

    public ChannelsNow {
        groups = List.copyOf(groups);
        channels = Map.copyOf(channels);
    }

    /** The channels as the i-th order would see them. */
    public List<ChannelFact> forOrder(int i) {
        return channels.getOrDefault(groups.get(i), List.of());
    }
}
