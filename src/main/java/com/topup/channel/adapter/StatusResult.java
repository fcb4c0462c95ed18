package com.topup.channel.adapter;

/** A channel's answer to a status query; amount is the fen it says it topped up (null when it did not say). */
public record StatusResult(ChannelStatus status, String channelReference, Long amount, String errorClass,
                           String errorCode, String message) {

    public static StatusResult unknown(String errorClass, String message) {
        return new StatusResult(ChannelStatus.UNKNOWN, null, null, errorClass, null, message);
    }
}
