package com.topup.bench;

import com.topup.devenv.FreePorts;
import com.topup.devenv.LocalPostgres;
import java.io.IOException;
import java.nio.file.Files;
import org.flywaydb.core.Flyway;

/** A throwaway PostgreSQL of a benchmark's own, in a temporary directory, with the app's schema migrated. */
final class MigratedPostgres {

    private MigratedPostgres() {
    }

    static LocalPostgres start(String name) throws IOException {
        LocalPostgres postgres = LocalPostgres.start(FreePorts.next(),
                Files.createTempDirectory(name + "-").resolve("pg"), false, false);
        Flyway.configure().dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())
                .locations("classpath:db/migration").load().migrate();
        return postgres;
    }
}
