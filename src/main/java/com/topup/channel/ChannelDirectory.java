package com.topup.channel;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Every channel's configuration, read from the database at most once per refresh interval and shared by all
 * threads; a change made on any instance is seen everywhere within that interval.
 */
@ApplicationScoped
public class ChannelDirectory {

    private static final Logger LOG = Logger.getLogger(ChannelDirectory.class);

    private final Sql sql;
    private final ChannelSecretCipher cipher;
    private final long refreshNanos;
    private volatile Loaded loaded;

    public ChannelDirectory(Sql sql, ChannelSecretCipher cipher, ChannelConfig config) {
        this.sql = sql;
        this.cipher = cipher;
        this.refreshNanos = config.directoryRefresh().toNanos();
    }

    private record Loaded(Map<String, ChannelDefinition> byCode, long at) {
    }

    /** All channels, enabled or not, by code. */
    public Map<String, ChannelDefinition> all() {
        Loaded current = loaded;
        if (current == null || System.nanoTime() - current.at() > refreshNanos) {
            current = reload();
        }
        return current.byCode();
    }

    public Optional<ChannelDefinition> find(String code) {
        return Optional.ofNullable(all().get(code));
    }

    public List<ChannelDefinition> enabled() {
        return all().values().stream().filter(ChannelDefinition::enabled).toList();
    }

    /** Forgets the cached copy (after a change on this instance). */
    public void invalidate() {
        loaded = null;
    }

    private synchronized Loaded reload() {
        Loaded current = loaded;
        if (current != null && System.nanoTime() - current.at() <= refreshNanos) {
            return current;
        }
        Map<String, ChannelDefinition> byCode = new LinkedHashMap<>();
        for (Optional<ChannelDefinition> channel : sql.query("""
                select code, name, protocol, base_url, secret_cipher, carriers, provinces, face_values, cost_rate_bp,
                       capacity, daily_quota, timeout_ms, expected_completion_ms, enabled, version, updated_at
                from channel order by code""", this::map)) {
            channel.ifPresent(c -> byCode.put(c.code(), c));
        }
        Loaded fresh = new Loaded(Map.copyOf(byCode), System.nanoTime());
        loaded = fresh;
        return fresh;
    }

    /** Empty for a channel whose secret cannot be decrypted (wrong key): it is left out rather than stop every channel. */
    private Optional<ChannelDefinition> map(ResultSet row) throws SQLException {
        Long dailyQuota = Sql.nullableLong(row, "daily_quota");
        String secret;
        try {
            secret = cipher.decrypt(row.getBytes("secret_cipher"));
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.errorf("Channel %s is left out: its secret cannot be decrypted (%s)", row.getString("code"), e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new ChannelDefinition(row.getString("code"), row.getString("name"), row.getString("protocol"),
                row.getString("base_url"), secret, texts(row.getArray("carriers")), texts(row.getArray("provinces")),
                numbers(row.getArray("face_values")), row.getInt("cost_rate_bp"), row.getInt("capacity"), dailyQuota,
                row.getInt("timeout_ms"), row.getInt("expected_completion_ms"), row.getBoolean("enabled"),
                row.getInt("version"), Sql.instant(row, "updated_at")));
    }

    static Set<String> texts(Array array) throws SQLException {
        return array == null ? Set.of() : Set.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    static Set<Long> numbers(Array array) throws SQLException {
        return array == null ? Set.of()
                : Arrays.stream((Long[]) array.getArray()).collect(Collectors.toUnmodifiableSet());
    }
}
