package com.topup.channel.adapter;

/** A callback that cannot be trusted or read: code BAD_SIGNATURE or INVALID_CALLBACK. */
public class InvalidChannelCallback extends Exception {

    private final String code;

    public InvalidChannelCallback(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
