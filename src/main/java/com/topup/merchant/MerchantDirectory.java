package com.topup.merchant;

import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Merchant credentials by code for the request hot path. Cached briefly (see quarkus.cache config),
 * so a disabled merchant or a new secret takes effect on every instance within seconds.
 */
@ApplicationScoped
public class MerchantDirectory {

    private final MerchantSecretCipher cipher;

    public MerchantDirectory(MerchantSecretCipher cipher) {
        this.cipher = cipher;
    }

    @CacheResult(cacheName = "merchant-credentials")
    @Transactional
    public Optional<MerchantCredentials> findByCode(String code) {
        return Merchant.<Merchant>find("code", code).firstResultOptional()
                .map(m -> new MerchantCredentials(m.id, m.code, cipher.decrypt(m.secretCipher), m.status, m.priceRateBp, m.tier,
                        m.requestsPerSecond, IpAllowList.of(m.allowedIps == null ? null : List.of(m.allowedIps))));
    }

    /** Forgets this instance's cached credentials of a merchant (other instances follow within the cache's lifetime). */
    @CacheInvalidate(cacheName = "merchant-credentials")
    public void forget(String code) {
    }
}
