package com.topup.common.work;

import java.time.Duration;

/** One round of recurring work. */
@FunctionalInterface
public interface Round {

    /** Does the work; returns how long to wait before the next round ({@link Duration#ZERO}: at once, more is due). */
    Duration run();
}
