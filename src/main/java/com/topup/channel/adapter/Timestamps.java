package com.topup.channel.adapter;

/** Reading the numeric timestamps the channel protocols carry. */
final class Timestamps {

    private Timestamps() {
    }

    /** The value of a string of 1 to 18 ASCII digits, or null for anything else. */
    static Long parseDigits(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.length() > 18) {
            return null;
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return Long.parseLong(trimmed);
    }
}
