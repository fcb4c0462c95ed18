package com.topup.carrier;

import com.topup.audit.Actor;
import com.topup.audit.AuditTrail;
import com.topup.common.crypto.PhoneCrypto;
import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/** Portability overrides (携号转网): numbers that moved to another carrier than their range says. */
@ApplicationScoped
@Transactional
public class PortabilityService {

    private final CarrierService carriers;
    private final PhoneCrypto crypto;
    private final PortabilityStore store;
    private final Event<PortabilityChanged> changes;
    private final AuditTrail audit;

    PortabilityService(CarrierService carriers, PhoneCrypto crypto, PortabilityStore store,
            Event<PortabilityChanged> changes, AuditTrail audit) {
        this.audit = audit;
        this.carriers = carriers;
        this.crypto = crypto;
        this.store = store;
        this.changes = changes;
    }

    /**
     * Records that a Chinese mobile number is now served by {@code carrier}; lookups on this instance see it
     * once the transaction commits, on the others within the refresh period.
     *
     * @throws ApiException 422 {@code INVALID_PHONE} for anything but a valid mobile number, 422
     *         {@code UNSUPPORTED_CARRIER} for a number outside China
     */
    public void setOverride(String rawPhone, Carrier carrier, Actor actor) {
        if (carrier == null) {
            throw new IllegalArgumentException("carrier is required; use removeOverride to clear an override");
        }
        String phoneHash = chinesePhoneHash(rawPhone);
        store.upsert(phoneHash, carrier, Instant.now());
        audit.record(actor, "PORTABILITY_SET", "portability:" + phoneHash, null, null,
                "{\"carrier\":\"" + carrier + "\"}");
        changes.fire(new PortabilityChanged(phoneHash, carrier));
    }

    /**
     * Removes the override of a number, if any.
     *
     * @return whether there was one
     */
    public boolean removeOverride(String rawPhone, Actor actor) {
        String phoneHash = chinesePhoneHash(rawPhone);
        boolean removed = store.delete(phoneHash);
        if (removed) {
            audit.record(actor, "PORTABILITY_REMOVED", "portability:" + phoneHash, null, null, null);
            changes.fire(new PortabilityChanged(phoneHash, null));
        }
        return removed;
    }

    private String chinesePhoneHash(String rawPhone) {
        MobileNumber mobile = carriers.parseMobile(rawPhone);
        if (!"CN".equals(mobile.country())) {
            throw new ApiException(422, PhoneResolver.UNSUPPORTED_CARRIER, "only Chinese numbers can be ported",
                    Map.of("country", mobile.country()));
        }
        return crypto.hash(mobile.e164());
    }
}
