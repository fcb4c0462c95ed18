package com.topup.carrier;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The face values each carrier can be topped up with, held in memory and reloaded on a timer. */
@ApplicationScoped
public class ProductCatalogue {

    private final AtomicReference<ProductOffers> current = new AtomicReference<>(ProductOffers.NONE);

    /** Enabled face values in fen, ascending. */
    public List<Long> faceValues(Carrier carrier) {
        return current.get().faceValues(carrier);
    }

    public boolean offers(Carrier carrier, long faceValue) {
        return current.get().offers(carrier, faceValue);
    }

    @Transactional
    void loadAtStartup(@Observes StartupEvent event) {
        reload();
    }

    /** Replaces the in-memory catalogue with the database's enabled products. */
    @Transactional
    @Scheduled(every = "${topup.carrier.refresh-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void reload() {
        current.set(ProductOffers.of(Product.find("enabled", true).project(ProductOffer.class).list()));
    }
}
