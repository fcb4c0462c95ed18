package com.topup.merchant;

import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

/** A merchant as staff act on its behalf (an operator at a service desk): the identity its own signed calls have. */
@ApplicationScoped
public class MerchantsForStaff {

    private final MerchantDirectory directory;

    public MerchantsForStaff(MerchantDirectory directory) {
        this.directory = directory;
    }

    /** @throws ApiException 404 {@code MERCHANT_NOT_FOUND}, 403 {@code MERCHANT_DISABLED} */
    public AuthenticatedMerchant actAs(String code) {
        MerchantCredentials merchant = directory.findByCode(code)
                .orElseThrow(() -> new ApiException(404, "MERCHANT_NOT_FOUND", "No merchant " + code));
        if (merchant.status() != MerchantStatus.ACTIVE) {
            throw new ApiException(403, "MERCHANT_DISABLED", "Merchant " + code + " is disabled");
        }
        return new AuthenticatedMerchant(merchant.id(), merchant.code(), merchant.priceRateBp(), merchant.tier(),
                merchant.secret());
    }
}
