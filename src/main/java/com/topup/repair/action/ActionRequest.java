package com.topup.repair.action;

import java.util.List;

/** An operator's request body (CONTRACT §3); only {@code reason} is always required. */
public record ActionRequest(String reason, String actionId, String channelReference, List<String> excludeChannels) {

    public List<String> excluded() {
        return excludeChannels == null ? List.of() : excludeChannels;
    }
}
