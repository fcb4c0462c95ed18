package com.topup.carrier;

/**
 * Where a number is registered, in short Chinese names without administrative suffixes.
 *
 * @param province e.g. {@code 广东}, {@code 广西}, {@code 北京}; {@code null} when unknown
 * @param city e.g. {@code 广州}; {@code null} when unknown
 */
public record Region(String province, String city) {

    public static final Region UNKNOWN = new Region(null, null);
}
