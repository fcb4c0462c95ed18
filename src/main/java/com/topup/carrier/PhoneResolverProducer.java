package com.topup.carrier;

import com.topup.common.crypto.PhoneCrypto;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the application's {@link PhoneResolver} from configuration. */
public class PhoneResolverProducer {

    @Produces
    @Singleton
    PhoneResolver phoneResolver(CarrierConfig config, PhoneCrypto crypto) {
        PhoneResolver resolver = new PhoneResolver(config.virtualOperatorPrefixes(), crypto::hash);
        resolver.warmUp();
        return resolver;
    }
}
