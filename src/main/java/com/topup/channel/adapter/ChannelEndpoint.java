package com.topup.channel.adapter;

import java.net.URI;
import java.time.Duration;

/** Where and how to reach one supplier channel: its base URL, its shared secret and the time limit of every call. */
public record ChannelEndpoint(String code, String protocol, URI baseUrl, String secret, Duration timeout) {
}
