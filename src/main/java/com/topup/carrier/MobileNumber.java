package com.topup.carrier;

/**
 * A syntactically valid mobile number, before any carrier is attached.
 *
 * @param e164 e.g. {@code +8613800138000}
 * @param nationalNumber e.g. {@code 13800138000}
 * @param country ISO 3166 region code, e.g. {@code CN}
 */
public record MobileNumber(String e164, String nationalNumber, String country) {
}
