package com.topup.merchant;

import com.topup.common.db.Sql;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Admits a signed merchant request on every instance at once, in one statement: its nonce is remembered (a repeat
 * within the window is a replay) and, when the nonce is new, the request is counted in the merchant's current second
 * of the database clock. Replays are refused before they are counted, so a replayed request cannot use up the
 * merchant's rate.
 */
@ApplicationScoped
public class RequestAdmissions {

    private static final String ADMIT = """
            with durability as (
                select set_config('synchronous_commit', 'off', true)
            ), fresh as (
                insert into request_nonce (merchant_id, nonce, expires_at) select ?, ?, ? from durability
                on conflict (merchant_id, nonce) do update set expires_at = excluded.expires_at
                where request_nonce.expires_at < ?
                returning merchant_id
            ), clock as (
                select (extract(epoch from clock_timestamp()) * 1000)::bigint as ms
            ), counted as (
                insert into merchant_request_window as w (merchant_id, window_second, hits)
                select fresh.merchant_id, clock.ms / 1000, 1 from fresh, clock
                on conflict (merchant_id) do update
                    set hits = case when excluded.window_second > w.window_second then 1 else w.hits + 1 end,
                        window_second = greatest(w.window_second, excluded.window_second)
                returning hits, window_second
            )
            select counted.hits, clock.ms - counted.window_second * 1000 as millis_into_window from counted, clock""";

    private final Sql sql;

    public RequestAdmissions(Sql sql) {
        this.sql = sql;
    }

    /**
     * One round trip: the statement is its own transaction (no JTA transaction, so the connection auto-commits), which
     * holds the merchant's window row only while the statement runs, and commits without waiting for the disk: a crash
     * can forget the nonces of the last moments before it, which reopens replay only for those few requests, and only
     * inside their 300 s timestamp window. A request that arrives after a later one has opened the next second is
     * counted in that second. Figures: {@code bin/bench admission}, docs/ARCHITECTURE.md.
     *
     * @return the merchant's current window with this request counted, or empty when the nonce is a replay
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<RateWindow> admit(long merchantId, String nonce, Instant now, Instant expiresAt) {
        return sql.queryOne(ADMIT, row -> new RateWindow(row.getLong("hits"), row.getLong("millis_into_window")), merchantId, nonce, expiresAt, now);
    }

    @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        sql.update("delete from request_nonce where expires_at < now()");
    }
}
