package com.topup.channel;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "topup.channel")
public interface ChannelConfig {

    /** Base64 of the 32-byte AES key that encrypts channel secrets at rest. */
    String secretKey();

    /** The address suppliers reach this platform at, for callback URLs; by default this instance's own HTTP address. */
    Optional<String> publicBaseUrl();

    /** How long a change to a channel's configuration may take to reach every instance. */
    @WithDefault("1s")
    Duration directoryRefresh();

    /** How often the pollers look for due status queries and due retries. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** How often orders left PROCESSING with nothing under way (a lost fallback dispatch) are looked for. */
    @WithDefault("10s")
    Duration strandedSweepInterval();

    /** After a submit without a usable answer, how long to wait before asking the channel what happened. */
    @WithDefault("2s")
    Duration unknownOutcomeQueryDelay();

    /** Between status queries of an order that is still processing. */
    @WithDefault("10s")
    Duration queryInterval();

    /** When routing finds no channel for an order but the fallback rules want another channel: wait this long. */
    @WithDefault("5s")
    Duration noChannelRetryDelay();

    /** When every channel routing ranked is at capacity right now: try the order again after this. */
    @WithDefault("1s")
    Duration busyRetryDelay();

    /**
     * How long a dispatch message waits for the rules of an instance that is still starting; past it the order is
     * left PENDING for the orphan sweep (kept under the Kafka connector's 60 s limit for an unprocessed record).
     */
    @WithDefault("30s")
    Duration rulesWait();

    /**
     * Channel callbacks applied at once on an instance, alone or in groups. While one of these is free a callback is
     * applied at once, alone; when all are busy, the callbacks that arrive meanwhile wait and go together.
     */
    @WithDefault("2")
    int callbackGroupsAtOnce();

    /** At most this many channel callbacks in one transaction; 1 applies each alone. */
    @WithDefault("64")
    int callbackGroupMax();

    /**
     * Planning transactions at once on an instance. The polls of topup.dispatch that arrive while all are busy wait,
     * and the next free one plans their orders together: planning on a channel holds its lock to the commit, so fewer,
     * larger transactions serve more orders than many small ones queued on that lock.
     */
    @WithDefault("2")
    int planningGroupsAtOnce();

    /** At most this many orders planned in one transaction. */
    @WithDefault("64")
    int planningGroupMax();

    /** Threads making status queries. */
    @WithDefault("8")
    int queryThreads();

    /** Rows claimed per poll. */
    @WithDefault("50")
    int pollBatch();
}
