package com.topup.carrier;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/**
 * Carrier detection settings. The refresh period of the in-memory tables is {@code topup.carrier.refresh-every}
 * (default {@code 30s}), read by the scheduler.
 */
@ConfigMapping(prefix = "topup.carrier")
public interface CarrierConfig {

    /** Leading digits of Chinese virtual-operator numbers, refused unless an override or a range row names a carrier. */
    @WithDefault("162,165,167,170,171")
    Set<String> virtualOperatorPrefixes();

    /** Whether an empty number-range table is filled from {@code carrier/number-ranges.csv} at startup. */
    @WithDefault("true")
    boolean seedNumberRanges();
}
