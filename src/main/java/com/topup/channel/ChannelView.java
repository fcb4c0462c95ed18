package com.topup.channel;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** A channel as staff see it: its configuration without the secret. */
public record ChannelView(String code, String name, String protocol, String baseUrl, Set<String> carriers,
                          Set<String> provinces, Set<Long> faceValues, int costRateBp, int capacity, Long dailyQuota,
                          int timeoutMs, int expectedCompletionMs, boolean enabled, int version, Instant updatedAt) {

    static ChannelView of(ChannelDefinition c) {
        return new ChannelView(c.code(), c.name(), c.protocol(), c.baseUrl(), new TreeSet<>(c.carriers()),
                new TreeSet<>(c.provinces()), new TreeSet<>(c.faceValues()), c.costRateBp(), c.capacity(), c.dailyQuota(),
                c.timeoutMs(), c.expectedCompletionMs(), c.enabled(), c.version(), c.updatedAt());
    }
}
