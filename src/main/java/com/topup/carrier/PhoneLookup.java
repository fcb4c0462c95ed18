package com.topup.carrier;

import com.topup.common.crypto.PhoneMask;

/**
 * What the platform knows about a mobile number.
 *
 * @param e164 the number in E.164 form, e.g. {@code +8613800138000}
 * @param nationalNumber the national significant number, e.g. {@code 13800138000}
 * @param country ISO 3166 region code, e.g. {@code CN}
 * @param carrier the carrier serving the number today
 * @param province province-level name without suffix, e.g. {@code 广东}; {@code null} when unknown
 * @param city city name without suffix, e.g. {@code 广州}; {@code null} when unknown
 */
public record PhoneLookup(String e164, String nationalNumber, String country, Carrier carrier, String province,
        String city) {

    /** The national number masked for logs and API bodies, e.g. {@code 138****8000}. */
    public String masked() {
        return PhoneMask.mask(nationalNumber);
    }
}
