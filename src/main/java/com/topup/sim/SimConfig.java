package com.topup.sim;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/** The supplier-channel simulator: on in the dev, test and demo profiles only. */
@ConfigMapping(prefix = "topup.sim")
public interface SimConfig {

    /** Serve the simulated suppliers under /sim and their staff API; everything answers 404 when off. */
    @WithDefault("false")
    boolean enabled();

    /** Class-path resource describing the simulated suppliers and their behaviour. */
    @WithDefault("sim/suppliers.json")
    String profile();

    /** Seed of all simulated randomness, to replay a scenario; absent: a fresh seed per start or reset, shown by the staff API. */
    Optional<Long> seed();

    /**
     * How many orders the simulated suppliers remember, about 0.6 KB of heap each; past it the oldest are forgotten, so
     * a status query or a day's statement knows only the orders still remembered.
     */
    @WithDefault("200000")
    int rememberedOrders();

    /**
     * Where the platform reaches the simulator; absent: this application's own HTTP address. Set with the simulator off,
     * the suppliers of {@code profile} are registered as channels at this address (a simulator running elsewhere).
     */
    Optional<URI> baseUrl();
}
