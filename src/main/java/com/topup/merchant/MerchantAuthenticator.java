package com.topup.merchant;

import com.topup.common.crypto.Hmac;
import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;

/** Verifies a merchant request: headers present, merchant known and active, fresh timestamp, valid signature, unused nonce. */
@ApplicationScoped
public class MerchantAuthenticator {

    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,15}");

    private final MerchantDirectory directory;
    private final NonceRegistry nonces;
    private final MerchantConfig config;
    private final Clock clock;

    @Inject
    public MerchantAuthenticator(MerchantDirectory directory, NonceRegistry nonces, MerchantConfig config) {
        this(directory, nonces, config, Clock.systemUTC());
    }

    MerchantAuthenticator(MerchantDirectory directory, NonceRegistry nonces, MerchantConfig config, Clock clock) {
        this.directory = directory;
        this.nonces = nonces;
        this.config = config;
        this.clock = clock;
    }

    public AuthenticatedMerchant authenticate(SignedRequest request) {
        String merchantCode = required(request.merchantId(), "X-Merchant-Id");
        String timestamp = required(request.timestamp(), "X-Timestamp");
        String nonce = required(request.nonce(), "X-Nonce");
        String signature = required(request.signature(), "X-Signature");

        MerchantCredentials merchant = directory.findByCode(merchantCode)
                .orElseThrow(() -> new ApiException(401, "UNKNOWN_MERCHANT", "Unknown merchant"));

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
        if (!nonces.register(merchant.id(), nonce, now, now.plus(config.nonceTtl()))) {
            throw new ApiException(401, "REPLAYED_NONCE", "This nonce was already used");
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
