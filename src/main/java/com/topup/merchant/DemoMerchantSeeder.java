package com.topup.merchant;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/** Opens the demo merchants of CONTRACT §3 in the demo and test profiles; never in production. */
@Singleton
public class DemoMerchantSeeder {

    private static final Logger LOG = Logger.getLogger(DemoMerchantSeeder.class);

    @ConfigMapping(prefix = "topup.demo")
    public interface DemoConfig {
        /** Create the demo merchants at start-up (demo and test profiles only). */
        @WithDefault("false")
        boolean enabled();
    }

    private record DemoMerchant(String code, String name, String secret) {
    }

    private static final List<DemoMerchant> MERCHANTS = List.of(
            new DemoMerchant("demo-merchant", "Demo Merchant", "demo-merchant-secret"),
            new DemoMerchant("demo-merchant-2", "Demo Merchant 2", "demo-merchant-2-secret"));

    void seed(@Observes StartupEvent event, DemoConfig config, MerchantAccountService accounts) {
        if (!config.enabled()) {
            return;
        }
        for (DemoMerchant m : MERCHANTS) {
            accounts.open(m.code(), m.name(), m.secret(), 9_850, 100_000_000L);
        }
        LOG.infof("Demo merchants ready: %s", MERCHANTS.stream().map(DemoMerchant::code).toList());
    }
}
