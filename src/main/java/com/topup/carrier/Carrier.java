package com.topup.carrier;

import java.util.List;
import java.util.Optional;

/** The Chinese carriers the platform tops up. */
public enum Carrier {
    CHINA_MOBILE("China Mobile", "中国移动"),
    CHINA_UNICOM("China Unicom", "中国联通"),
    CHINA_TELECOM("China Telecom", "中国电信"),
    CHINA_BROADNET("China Broadnet", "CBN", "中国广电");

    private final List<String> libphonenumberNames;

    Carrier(String... libphonenumberNames) {
        this.libphonenumberNames = List.of(libphonenumberNames);
    }

    /** The carrier libphonenumber's carrier data means by {@code name} (English or Chinese), if it is one of ours. */
    public static Optional<Carrier> fromLibphonenumberName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String trimmed = name.trim();
        for (Carrier carrier : values()) {
            for (String known : carrier.libphonenumberNames) {
                if (known.equalsIgnoreCase(trimmed)) {
                    return Optional.of(carrier);
                }
            }
        }
        return Optional.empty();
    }
}
