package com.topup.channel.health;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The window's outcome tallies (channel_outcome_tally, migration V14), summed per channel, carrier and latency class.
 * A 10-second slot that ended more than the seal delay ago changes only when an old attempt is corrected (a repair,
 * an operator's decision, a transaction that ran that long), so a round reads it once, keeps its sums and from then on
 * reads only the slots after it: a few slots of the window instead of all of them. Every re-read interval, and on a
 * {@link #readAll full read}, the whole window is read again, which picks up those corrections. One instance of this
 * class serves the one refreshing thread ({@link ChannelHealthService} is synchronized).
 */
@ApplicationScoped
class OutcomeTallies {

    private static final long SLOT_SECONDS = 10;

    /** Slots before the second parameter come back one by one (to be kept); later ones are summed together. */
    private static final String TALLIES = """
            select case when slot < ? then slot end as kept_slot, channel_code, carrier, latency_class,
                   sum(finished) as finished, sum(succeeded) as succeeded
            from channel_outcome_tally
            where slot >= ?
            group by 1, channel_code, carrier, latency_class
            having sum(finished) <> 0 or sum(succeeded) <> 0""";

    private final Sql sql;
    private final Duration sealDelay;
    private final Duration rereadInterval;
    private final TreeMap<Instant, List<Row>> kept = new TreeMap<>();
    /** Every slot before this is in {@link #kept} (as far as the window reaches); null before the first read. */
    private Instant keptUntil;
    private Instant lastFullRead;

    @Inject
    OutcomeTallies(Sql sql, ChannelHealthConfig config) {
        this(sql, config.tallySealDelay(), config.tallyRereadInterval());
    }

    OutcomeTallies(Sql sql, Duration sealDelay, Duration rereadInterval) {
        this.sql = sql;
        this.sealDelay = sealDelay;
        this.rereadInterval = rereadInterval;
    }

    /** One channel, carrier and latency class: attempts finished (and of them succeeded) in the window. */
    record Row(String channel, String carrier, int latencyClass, long finished, long succeeded) {
    }

    /** The tallies of the slots from the one holding {@code windowStart} on, reading only what may have changed. */
    List<Row> read(Instant windowStart, Instant now) {
        if (keptUntil == null || lastFullRead == null || !now.isBefore(lastFullRead.plus(rereadInterval))) {
            return readAll(windowStart, now);
        }
        Instant windowSlot = slotOf(windowStart);
        kept.headMap(windowSlot).clear();
        Instant from = keptUntil.isAfter(windowSlot) ? keptUntil : windowSlot;
        return query(from, windowSlot, now);
    }

    /** As {@link #read}, reading the whole window again. */
    List<Row> readAll(Instant windowStart, Instant now) {
        Instant windowSlot = slotOf(windowStart);
        kept.clear();
        keptUntil = null;
        lastFullRead = now;
        return query(windowSlot, windowSlot, now);
    }

    private List<Row> query(Instant from, Instant windowSlot, Instant now) {
        Instant sealed = slotOf(now.minus(sealDelay));
        List<Row> rows = new ArrayList<>();
        sql.query(TALLIES, rs -> {
            Row row = new Row(rs.getString("channel_code"), rs.getString("carrier"), rs.getInt("latency_class"),
                    rs.getLong("finished"), rs.getLong("succeeded"));
            Instant slot = Sql.instant(rs, "kept_slot");
            if (slot == null) {
                rows.add(row);
            } else {
                kept.computeIfAbsent(slot, s -> new ArrayList<>()).add(row);
            }
            return row;
        }, sealed, from);
        if (keptUntil == null || sealed.isAfter(keptUntil)) {
            keptUntil = sealed;
        }
        for (Map.Entry<Instant, List<Row>> slot : kept.tailMap(windowSlot).entrySet()) {
            rows.addAll(slot.getValue());
        }
        return summed(rows);
    }

    /** The rows summed over their slots; a channel, carrier and class without finished attempts is left out. */
    private static List<Row> summed(List<Row> rows) {
        Map<List<Object>, Row> sums = new HashMap<>();
        for (Row row : rows) {
            sums.merge(List.of(row.channel(), row.carrier(), row.latencyClass()), row, (a, b) -> new Row(a.channel(),
                    a.carrier(), a.latencyClass(), a.finished() + b.finished(), a.succeeded() + b.succeeded()));
        }
        return sums.values().stream().filter(row -> row.finished() > 0).toList();
    }

    /** The start of the 10-second slot of UTC that holds the instant (as date_bin in migration V14). */
    static Instant slotOf(Instant at) {
        return Instant.ofEpochSecond(at.getEpochSecond() - Math.floorMod(at.getEpochSecond(), SLOT_SECONDS));
    }
}
