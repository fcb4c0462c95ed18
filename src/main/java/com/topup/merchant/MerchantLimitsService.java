package com.topup.merchant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.audit.Actor;
import com.topup.audit.AuditTrail;
import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * Staff set a merchant's rate limit and IP allow-list; audited with the values before and after. The change applies on
 * this instance at once and on the others when their cached credentials expire (seconds).
 */
@ApplicationScoped
public class MerchantLimitsService {

    /** The highest rate staff may set; beyond it a limit means nothing on this platform. */
    public static final int MAX_REQUESTS_PER_SECOND = 100_000;

    private final MerchantDirectory directory;
    private final MerchantConfig config;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public MerchantLimitsService(MerchantDirectory directory, MerchantConfig config, AuditTrail audit, ObjectMapper json) {
        this.directory = directory;
        this.config = config;
        this.audit = audit;
        this.json = json;
    }

    /** Reads a request body {"requestsPerSecond", "allowedIps"}: 400 INVALID_REQUEST for anything else, unknown keys included. */
    public MerchantLimits parse(String body) {
        if (body == null || body.isBlank()) {
            throw invalid("A body {\"requestsPerSecond\", \"allowedIps\"} is required", "body");
        }
        try {
            return json.readerFor(MerchantLimits.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT).readValue(body);
        } catch (JsonProcessingException e) {
            throw invalid("The body is not {\"requestsPerSecond\": n | null, \"allowedIps\": [\"203.0.113.0/24\", …] | null}: "
                    + e.getOriginalMessage(), "body");
        }
    }

    @Transactional
    public MerchantLimitsView limits(String code) {
        return viewOf(find(code));
    }

    @Transactional
    public MerchantLimitsView change(String code, MerchantLimits requested, Actor actor) {
        MerchantLimits limits = validated(requested);
        Merchant merchant = find(code);
        MerchantLimits before = new MerchantLimits(merchant.requestsPerSecond, listOf(merchant.allowedIps));
        merchant.requestsPerSecond = limits.requestsPerSecond();
        merchant.allowedIps = limits.allowedIps() == null ? null : limits.allowedIps().toArray(String[]::new);
        audit.record(actor, "MERCHANT_LIMITS_CHANGED", "merchant:" + code, null, toJson(before), toJson(limits));
        directory.forget(code);
        return viewOf(merchant);
    }

    private static MerchantLimits validated(MerchantLimits limits) {
        if (limits == null) {
            throw invalid("A body {\"requestsPerSecond\", \"allowedIps\"} is required", "body");
        }
        Integer rate = limits.requestsPerSecond();
        if (rate != null && (rate < 1 || rate > MAX_REQUESTS_PER_SECOND)) {
            throw invalid("requestsPerSecond must be 1 to " + MAX_REQUESTS_PER_SECOND + ", or null for the default",
                    "requestsPerSecond");
        }
        List<String> ips = limits.allowedIps();
        if (ips == null) {
            return new MerchantLimits(rate, null);
        }
        if (ips.isEmpty() || ips.size() > IpAllowList.MAX_ENTRIES) {
            throw invalid("allowedIps must list 1 to " + IpAllowList.MAX_ENTRIES
                    + " addresses or CIDR blocks, or be null for no allow-list", "allowedIps");
        }
        try {
            return new MerchantLimits(rate, IpAllowList.of(ips).entries().stream().distinct().toList());
        } catch (IllegalArgumentException e) {
            throw invalid("allowedIps: " + e.getMessage(), "allowedIps");
        }
    }

    private MerchantLimitsView viewOf(Merchant merchant) {
        return new MerchantLimitsView(merchant.code, merchant.requestsPerSecond, listOf(merchant.allowedIps),
                merchant.requestsPerSecond == null ? config.defaultRequestsPerSecond() : merchant.requestsPerSecond);
    }

    private static Merchant find(String code) {
        return Merchant.<Merchant>find("code", code).firstResultOptional()
                .orElseThrow(() -> new ApiException(404, "MERCHANT_NOT_FOUND", "No merchant " + code));
    }

    private static List<String> listOf(String[] entries) {
        return entries == null ? null : List.of(entries);
    }

    private String toJson(MerchantLimits limits) {
        try {
            return json.writeValueAsString(limits);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException invalid(String message, String field) {
        return new ApiException(400, "INVALID_REQUEST", message, Map.of("field", field));
    }
}
