package com.topup.channel.health;

import com.topup.common.db.Sql;
import com.topup.merchant.MerchantAccountService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/** Channels, orders and attempts written straight into the database, with codes unique to each test. */
class HealthFixtures {

    private static final String MERCHANT = "channel-health-tests";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Sql sql;
    private final DataSource dataSource;
    private final long merchantId;

    HealthFixtures(Sql sql, DataSource dataSource, MerchantAccountService accounts) {
        this.sql = sql;
        this.dataSource = dataSource;
        accounts.open(MERCHANT, "Channel health tests", "channel-health-tests-secret", 9_850, 0);
        this.merchantId = accounts.idOf(MERCHANT);
    }

    static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void channel(String code, Long dailyQuota, Instant now) {
        sql.update("""
                insert into channel (code, name, protocol, base_url, secret_cipher, carriers, cost_rate_bp, capacity,
                                     daily_quota, updated_at)
                values (?, ?, 'json-hmac', 'http://127.0.0.1:1/', ?, '{CMCC,CUCC,CTCC}', 9700, 50, ?, ?)""",
                code, code, new byte[] {1, 2, 3}, dailyQuota, now);
    }

    void usage(String code, Instant now, long amount) {
        sql.update("insert into channel_daily_usage (channel_code, day, amount) values (?, ?, ?)",
                code, LocalDate.ofInstant(now, ZoneOffset.UTC), amount);
    }

    /** A finished attempt: SUCCEEDED when {@code errorClass} is null, else FAILED with that class. */
    void finished(String code, String carrier, String errorClass, Instant startedAt, int latencyMs) {
        attempt(code, carrier, errorClass == null ? "SUCCEEDED" : "FAILED", errorClass, startedAt,
                startedAt.plusMillis(latencyMs), latencyMs);
    }

    void inFlight(String code, String carrier, String status, Instant startedAt) {
        attempt(code, carrier, status, null, startedAt, null, null);
    }

    /** An attempt routed with a prediction; open (PROCESSING, not finished) when {@code finishedAt} is null. Its id. */
    String predicted(String code, String carrier, boolean succeeded, double predicted, Instant finishedAt) {
        String id = attempt(code, carrier, finishedAt == null ? "PROCESSING" : succeeded ? "SUCCEEDED" : "FAILED",
                finishedAt == null || succeeded ? null : "TIMEOUT", finishedAt == null ? Instant.now() : finishedAt.minusSeconds(1),
                finishedAt, finishedAt == null ? null : 1000);
        sql.update("update channel_attempt set predicted_success = ? where id = ?", predicted, id);
        return id;
    }

    private String attempt(String code, String carrier, String status, String errorClass, Instant startedAt,
                           Instant finishedAt, Integer latencyMs) {
        String orderId = "HT" + SEQUENCE.incrementAndGet() + UUID.randomUUID().toString().substring(0, 8);
        sql.update("""
                insert into topup_order (id, merchant_id, merchant_order_id, phone_cipher, phone_hash, phone_masked,
                                         country, carrier, face_value, price, status, created_at, updated_at)
                values (?, ?, ?, ?, ?, '138****8000', 'CN', ?, 1000, 985, 'FAILED', ?, ?)""",
                orderId, merchantId, orderId, new byte[] {0}, orderId, carrier, startedAt, startedAt);
        sql.update("""
                insert into channel_attempt (id, order_id, attempt_no, channel_code, carrier, face_value, status,
                                             error_class, cost, started_at, finished_at, latency_ms)
                values (?, ?, 1, ?, ?, 1000, ?, ?, 970, ?, ?, ?)""",
                orderId + "-1", orderId, code, carrier, status, errorClass, startedAt, finishedAt, latencyMs);
        return orderId + "-1";
    }

    /** The stored circuit row; the implied CLOSED circuit when there is none. */
    CircuitRecord circuit(String code) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select " + CircuitRows.COLUMNS
                     + " from channel_circuit cc where cc.channel_code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? CircuitRows.read(rs, code) : CircuitRecord.closedWithoutRow(code);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Target states of the recorded transitions, oldest first, comma-separated. */
    String transitions(String code) {
        return sql.queryText("""
                select coalesce(string_agg(to_state, ',' order by id), '') from channel_circuit_transition
                where channel_code = ?""", code);
    }
}
