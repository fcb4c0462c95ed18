package com.topup.channel.adapter;

import java.util.Map;

/**
 * One supplier protocol. Calls block the calling (worker) thread for at most the endpoint's timeout and never
 * throw for network trouble: they answer UNKNOWN with an error class instead.
 */
public interface ChannelAdapter {

    /** The protocol name stored with a channel, e.g. {@code json-hmac}. */
    String protocol();

    SubmitResult submit(ChannelEndpoint channel, SubmitRequest request);

    StatusResult query(ChannelEndpoint channel, String reference);

    /**
     * Verifies and reads a callback the channel posted to us. Header names are lower case.
     */
    ChannelCallback parseCallback(ChannelEndpoint channel, Map<String, String> headers, byte[] body)
            throws InvalidChannelCallback;

    /** The body the channel expects as acknowledgement of a callback, with its media type. */
    CallbackAck acknowledgement();

    record CallbackAck(String mediaType, String body) {
    }
}
