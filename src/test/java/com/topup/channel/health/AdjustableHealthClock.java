package com.topup.channel.health;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A health clock that starts at the real time and moves only when a test moves it. */
class AdjustableHealthClock extends HealthClock {

    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Override
    public Instant now() {
        return now;
    }

    void advance(Duration by) {
        now = now.plus(by);
    }
}
