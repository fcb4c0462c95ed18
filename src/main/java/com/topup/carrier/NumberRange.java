package com.topup.carrier;

/**
 * One row of the number-range table: the carrier and region of every number starting with {@code prefix}.
 *
 * @param prefix the first 7 digits of an 11-digit Chinese mobile number
 * @param province short province name, or {@code null}
 * @param city short city name, or {@code null}
 */
public record NumberRange(String prefix, Carrier carrier, String province, String city) {

    public static final int PREFIX_LENGTH = 7;
}
