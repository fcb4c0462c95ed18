package com.topup.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.audit.AuditTrail;
import com.topup.carrier.Carrier;
import com.topup.common.db.Sql;
import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Channel configuration: operators read it, admins create and change channels (each change audited). */
@ApplicationScoped
public class ChannelService {

    static final Set<String> PROTOCOLS = Set.of("json-hmac", "form-md5");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final Sql sql;
    private final ChannelDirectory directory;
    private final ChannelSecretCipher cipher;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public ChannelService(Sql sql, ChannelDirectory directory, ChannelSecretCipher cipher, AuditTrail audit, ObjectMapper json) {
        this.sql = sql;
        this.directory = directory;
        this.cipher = cipher;
        this.audit = audit;
        this.json = json;
    }

    public List<ChannelView> list() {
        return directory.all().values().stream().map(ChannelView::of).toList();
    }

    public ChannelView get(String code) {
        return directory.find(code).map(ChannelView::of).orElseThrow(() -> notFound(code));
    }

    /** Creates the channel or changes the given fields of an existing one. */
    @Transactional
    public ChannelView save(String code, ChannelUpdate update, String actor) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw invalid("code", "code must be 1-32 of [A-Za-z0-9_-]");
        }
        if (update == null) {
            throw invalid("body", "a channel object is required");
        }
        directory.invalidate();
        ChannelDefinition before = directory.find(code).orElse(null);
        ChannelDefinition after = merge(code, before, update);
        Instant now = Instant.now();
        sql.update("""
                        insert into channel (code, name, protocol, base_url, secret_cipher, carriers, provinces, face_values,
                            cost_rate_bp, capacity, daily_quota, timeout_ms, expected_completion_ms, enabled, version, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
                        on conflict (code) do update set name = excluded.name, protocol = excluded.protocol,
                            base_url = excluded.base_url, secret_cipher = excluded.secret_cipher, carriers = excluded.carriers,
                            provinces = excluded.provinces, face_values = excluded.face_values,
                            cost_rate_bp = excluded.cost_rate_bp, capacity = excluded.capacity,
                            daily_quota = excluded.daily_quota, timeout_ms = excluded.timeout_ms,
                            expected_completion_ms = excluded.expected_completion_ms, enabled = excluded.enabled,
                            version = channel.version + 1, updated_at = excluded.updated_at""",
                code, after.name(), after.protocol(), after.baseUrl(), cipher.encrypt(after.secret()),
                after.carriers().toArray(String[]::new), after.provinces().toArray(String[]::new),
                after.faceValues().toArray(Long[]::new), after.costRateBp(), after.capacity(), after.dailyQuota(),
                after.timeoutMs(), after.expectedCompletionMs(), after.enabled(), now);
        audit.record(actor, before == null ? "CHANNEL_CREATED" : "CHANNEL_CHANGED", "channel:" + code,
                before == null ? null : describe(before), describe(after));
        directory.invalidate();
        return get(code);
    }

    private static ChannelDefinition merge(String code, ChannelDefinition before, ChannelUpdate u) {
        String name = pick(u.name(), before == null ? null : before.name(), "name");
        String protocol = pick(u.protocol(), before == null ? null : before.protocol(), "protocol");
        if (!PROTOCOLS.contains(protocol)) {
            throw invalid("protocol", "protocol must be one of " + PROTOCOLS);
        }
        String baseUrl = pick(u.baseUrl(), before == null ? null : before.baseUrl(), "baseUrl");
        try {
            URI uri = URI.create(baseUrl);
            if (!Set.of("http", "https").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
                throw invalid("baseUrl", "baseUrl must be an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw invalid("baseUrl", "baseUrl must be an http(s) URL");
        }
        String secret = pick(u.secret(), before == null ? null : before.secret(), "secret");
        if (secret.length() < 8) {
            throw invalid("secret", "secret must have at least 8 characters");
        }
        Set<String> carriers = u.carriers() != null ? Set.copyOf(u.carriers()) : before == null ? null : before.carriers();
        if (carriers == null || carriers.isEmpty()) {
            throw invalid("carriers", "carriers must name at least one carrier");
        }
        Set<String> known = Set.copyOf(Arrays.stream(Carrier.values()).map(Enum::name).toList());
        if (!known.containsAll(carriers)) {
            throw invalid("carriers", "carriers must be among " + known);
        }
        Set<String> provinces = u.provinces() != null ? Set.copyOf(u.provinces()) : before == null ? Set.of() : before.provinces();
        Set<Long> faceValues = u.faceValues() != null ? Set.copyOf(u.faceValues()) : before == null ? Set.of() : before.faceValues();
        if (faceValues.stream().anyMatch(v -> v <= 0)) {
            throw invalid("faceValues", "face values are positive fen");
        }
        int costRateBp = pick(u.costRateBp(), before == null ? null : before.costRateBp(), "costRateBp");
        if (costRateBp <= 0 || costRateBp > 20_000) {
            throw invalid("costRateBp", "costRateBp must be in 1..20000 (basis points of the face value)");
        }
        int capacity = pick(u.capacity(), before == null ? null : before.capacity(), "capacity");
        if (capacity <= 0) {
            throw invalid("capacity", "capacity must be positive");
        }
        Long dailyQuota = u.dailyQuota() != null ? u.dailyQuota() : before == null ? null : before.dailyQuota();
        if (dailyQuota != null && dailyQuota < 0) {
            throw invalid("dailyQuota", "dailyQuota must not be negative");
        }
        int timeoutMs = u.timeoutMs() != null ? u.timeoutMs() : before == null ? 3_000 : before.timeoutMs();
        int expected = u.expectedCompletionMs() != null ? u.expectedCompletionMs()
                : before == null ? 30_000 : before.expectedCompletionMs();
        if (timeoutMs <= 0 || expected <= 0) {
            throw invalid(timeoutMs <= 0 ? "timeoutMs" : "expectedCompletionMs", "durations must be positive");
        }
        boolean enabled = u.enabled() != null ? u.enabled() : before == null || before.enabled();
        return new ChannelDefinition(code, name, protocol, baseUrl, secret, carriers, provinces, faceValues, costRateBp,
                capacity, dailyQuota, timeoutMs, expected, enabled, before == null ? 0 : before.version(), Instant.now());
    }

    private static <T> T pick(T given, T existing, String field) {
        T value = given != null ? given : existing;
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw invalid(field, field + " is required");
        }
        return value;
    }

    private String describe(ChannelDefinition channel) {
        try {
            return json.writeValueAsString(ChannelView.of(channel));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(400, "INVALID_REQUEST", message, Map.of("field", field));
    }

    static ApiException notFound(String code) {
        return new ApiException(404, "CHANNEL_NOT_FOUND", "No channel " + code);
    }
}
