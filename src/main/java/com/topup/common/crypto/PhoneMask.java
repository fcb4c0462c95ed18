package com.topup.common.crypto;

/** Masks a phone number for logs and API bodies: {@code 13800138000} → {@code 138****8000}. */
public final class PhoneMask {

    private static final int HEAD = 3;
    private static final int TAIL = 4;
    private static final int SHORT_TAIL = 2;
    private static final String STARS = "****";

    private PhoneMask() {
    }

    /**
     * First 3 digits, 4 stars, last 4 digits for numbers of 11 digits or more; shorter numbers keep only
     * their last 2 digits, the rest starred. {@code null} stays {@code null}.
     */
    public static String mask(String nationalNumber) {
        if (nationalNumber == null) {
            return null;
        }
        int length = nationalNumber.length();
        if (length >= HEAD + STARS.length() + TAIL) {
            return nationalNumber.substring(0, HEAD) + STARS + nationalNumber.substring(length - TAIL);
        }
        int kept = Math.min(SHORT_TAIL, Math.max(0, length - 1));
        return "*".repeat(length - kept) + nationalNumber.substring(length - kept);
    }
}
