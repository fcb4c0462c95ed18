package com.topup.channel.adapter;

/**
 * A verified result pushed by a channel: our attempt reference, the channel's own reference, SUCCEEDED or FAILED,
 * the amount it says it topped up (fen; null when the protocol does not carry one) and its error code on failure.
 */
public record ChannelCallback(String reference, String channelReference, ChannelStatus status, Long amount,
                              String errorClass, String errorCode) {
}
