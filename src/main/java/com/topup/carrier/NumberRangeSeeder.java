package com.topup.carrier;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Fills an empty number-range table from {@code carrier/number-ranges.csv} at startup. */
@ApplicationScoped
public class NumberRangeSeeder {

    static final String SEED_RESOURCE = "carrier/number-ranges.csv";
    private static final Logger LOG = Logger.getLogger(NumberRangeSeeder.class);

    private final CarrierConfig config;
    private final NumberRangeStore store;

    NumberRangeSeeder(CarrierConfig config, NumberRangeStore store) {
        this.config = config;
        this.store = store;
    }

    @Transactional
    void seed(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        if (!config.seedNumberRanges() || !store.isEmpty()) {
            return;
        }
        ParsedNumberRanges parsed = NumberRangeCsv.parse(readSeed());
        parsed.rejected().forEach(line -> LOG.warnf("%s line %d skipped: %s", SEED_RESOURCE, line.line(), line.reason()));
        Instant now = Instant.now();
        long inserted = parsed.ranges().stream().filter(range -> store.insertIfAbsent(range, now)).count();
        LOG.infof("Seeded %d number ranges from %s", inserted, SEED_RESOURCE);
    }

    private static String readSeed() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SEED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SEED_RESOURCE + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
