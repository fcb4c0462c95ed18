package com.topup.channel.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The time the health figures and the breakers work with (UTC instants); tests replace it to move time on. */
@ApplicationScoped
public class HealthClock {

    public Instant now() {
        return Instant.now();
    }
}
