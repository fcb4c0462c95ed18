package com.topup.channel.adapter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The adapter of each protocol name a channel row can carry. */
@ApplicationScoped
public class ChannelAdapters {

    private final Map<String, ChannelAdapter> byProtocol = new TreeMap<>();

    public ChannelAdapters(Instance<ChannelAdapter> adapters) {
        for (ChannelAdapter adapter : adapters) {
            if (byProtocol.put(adapter.protocol(), adapter) != null) {
                throw new IllegalStateException("Two adapters for protocol " + adapter.protocol());
            }
        }
    }

    /** @throws IllegalArgumentException for a protocol no adapter speaks */
    public ChannelAdapter forProtocol(String protocol) {
        ChannelAdapter adapter = protocol == null ? null : byProtocol.get(protocol);
        if (adapter == null) {
            throw new IllegalArgumentException("Unknown channel protocol: " + protocol);
        }
        return adapter;
    }

    public Set<String> protocols() {
        return byProtocol.keySet();
    }
}
