package com.topup.merchant;

import com.topup.common.crypto.Hmac;
import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Verifies a merchant request, in this order: headers present, merchant known, caller on the merchant's IP allow-list,
 * fresh timestamp, valid signature, merchant active, unused nonce, within the merchant's rate.
 */
@ApplicationScoped
public class MerchantAuthenticator {

    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,15}");

    private final MerchantDirectory directory;
    private final RequestAdmissions admissions;
    private final MerchantConfig config;
    private final Clock clock;

    @Inject
    public MerchantAuthenticator(MerchantDirectory directory, RequestAdmissions admissions, MerchantConfig config) {
        this(directory, admissions, config, Clock.systemUTC());
    }

    MerchantAuthenticator(MerchantDirectory directory, RequestAdmissions admissions, MerchantConfig config, Clock clock) {
        this.directory = directory;
        this.admissions = admissions;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param clientAddress the caller's IP address as the HTTP layer resolved it (forwarding headers of trusted proxies
     *                      only, as configured under quarkus.http.proxy)
     */
    public AuthenticatedMerchant authenticate(SignedRequest request, String clientAddress) {
        String merchantCode = required(request.merchantId(), "X-Merchant-Id");
        String timestamp = required(request.timestamp(), "X-Timestamp");
        String nonce = required(request.nonce(), "X-Nonce");
        String signature = required(request.signature(), "X-Signature");

        MerchantCredentials merchant = directory.findByCode(merchantCode)
                .orElseThrow(() -> new ApiException(401, "UNKNOWN_MERCHANT", "Unknown merchant"));
        if (!merchant.allowList().allows(clientAddress)) {
            throw new ApiException(403, "IP_NOT_ALLOWED", "Requests of this merchant are not accepted from " + clientAddress,
                    Map.of("address", String.valueOf(clientAddress)));
        }

        Instant now = clock.instant();
        if (!TIMESTAMP.matcher(timestamp).matches()
                || Math.abs(Long.parseLong(timestamp) - now.toEpochMilli()) > config.timestampTolerance().toMillis()) {
            throw new ApiException(401, "STALE_TIMESTAMP",
                    "X-Timestamp must be epoch milliseconds within " + config.timestampTolerance().toSeconds() + " s of server time");
        }
        if (!NONCE.matcher(nonce).matches()) {
            throw new ApiException(401, "MISSING_AUTH_HEADER", "X-Nonce must be 16 to 64 characters of [A-Za-z0-9_-]");
        }
        String expected = RequestSignature.sign(merchant.secret(),
                RequestSignature.canonical(request.method(), request.pathAndQuery(), timestamp, nonce, request.body()));
        if (!SIGNATURE.matcher(signature).matches() || !Hmac.equalsConstantTime(expected, signature)) {
            throw new ApiException(401, "BAD_SIGNATURE", "Signature does not match the request");
        }
        if (merchant.status() != MerchantStatus.ACTIVE) {
            throw new ApiException(403, "MERCHANT_DISABLED", "Merchant is disabled");
        }
        RateWindow window = admissions.admit(merchant.id(), nonce, now, now.plus(config.nonceTtl()))
                .orElseThrow(() -> new ApiException(401, "REPLAYED_NONCE", "This nonce was already used"));
        int limit = merchant.requestsPerSecond() == null ? config.defaultRequestsPerSecond() : merchant.requestsPerSecond();
        if (window.exceeds(limit)) {
            long retryAfter = window.retryAfterSeconds();
            throw new ApiException(429, "RATE_LIMITED", "More than " + limit + " requests per second; retry after "
                    + retryAfter + " s", Map.of("requestsPerSecond", limit, "retryAfterSeconds", retryAfter),
                    Map.of("Retry-After", Long.toString(retryAfter)));
        }
        return new AuthenticatedMerchant(merchant.id(), merchant.code(), merchant.priceRateBp(), merchant.tier(), merchant.secret());
    }

    private static String required(String value, String header) {
        if (value == null || value.isBlank()) {
            throw new ApiException(401, "MISSING_AUTH_HEADER", "Missing header " + header);
        }
        return value;
    }
}
