package com.topup.carrier;

import jakarta.enterprise.context.ApplicationScoped;

/** Carrier, country and region of a phone number, from memory only: safe on the order-intake hot path. */
@ApplicationScoped
public class CarrierService {

    private final PhoneResolver resolver;
    private final LookupTablesCache tables;

    CarrierService(PhoneResolver resolver, LookupTablesCache tables) {
        this.resolver = resolver;
        this.tables = tables;
    }

    /**
     * Looks up a phone number given in national Chinese form or E.164 (spaces and dashes allowed).
     *
     * @throws com.topup.web.ApiException 422 {@code INVALID_PHONE} or {@code UNSUPPORTED_CARRIER}
     */
    public PhoneLookup lookup(String rawPhone) {
        return resolver.resolve(rawPhone, tables.current());
    }

    /**
     * Validates and normalises a phone number without deciding its carrier.
     *
     * @throws com.topup.web.ApiException 422 {@code INVALID_PHONE}
     */
    public MobileNumber parseMobile(String rawPhone) {
        return resolver.parseMobile(rawPhone);
    }
}
