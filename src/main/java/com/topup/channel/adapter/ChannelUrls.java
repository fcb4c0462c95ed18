package com.topup.channel.adapter;

import java.net.URI;

/** Operation URLs below a channel's base URL. */
final class ChannelUrls {

    private ChannelUrls() {
    }

    /** {@code {baseUrl}/{operation}}, whether or not the base URL ends with a slash. */
    static URI resolve(URI baseUrl, String operation) {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base + operation : base + "/" + operation);
    }
}
