package com.topup.channel.adapter;

import java.net.URI;

/**
 * One top-up asked of a channel. {@code reference} is our attempt id (unique per order and attempt); the channel
 * echoes it in callbacks and status answers. {@code phone} is the plain national number, {@code faceValue} fen.
 */
public record SubmitRequest(String reference, String phone, String carrier, long faceValue, URI callbackUrl) {
}
